import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors';
import type { CustomerRecord } from '../customers/customer-records';
import type { Storage } from '../port';

/** A customer record for conformance tests; ids sort in creation order within a suite. */
export function sampleCustomer(id: string, key: string, subjectKeys: string[] = [], at = new Date(Date.UTC(2024, 0, 1))): CustomerRecord {
  return {
    id,
    key,
    name: `Customer ${key}`,
    subjectKeys,
    currency: 'USD',
    timezone: 'Europe/Paris',
    metadata: { tier: 'gold', nested: { n: 1, list: [1, 'two', null] } },
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
  };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The customers repository: round trips, uniqueness of keys and subject keys, listing, and the
 * customer lock (`openOther` opens a second handle on the same database; by default the same one).
 */
export function customersConformance(getStorage: () => Storage, openOther: () => Storage = getStorage): void {
  let storage: Storage;
  describe('customers', () => {
    beforeEach(async () => {
      storage = getStorage();
      await storage.migrate();
    });

    it('round-trips every field, dates to the millisecond and metadata exactly', async () => {
      const at = new Date('2024-02-29T23:59:59.999Z');
      const customer = { ...sampleCustomer('cus_1', 'acme', ['acme-prod', 'acme-dev'], at), archivedAt: new Date('2024-03-01T00:00:00.001Z') };
      await storage.transaction((tx) => tx.customers.insert(customer));
      const found = await storage.transaction(async (tx) => ({
        byId: await tx.customers.findById('cus_1'),
        byKey: await tx.customers.findByKey('acme'),
        bySubject: await tx.customers.findBySubjectKey('acme-dev'),
        missing: await tx.customers.findByKey('nobody'),
      }));
      expect(found.byId).toEqual(customer);
      expect(found.byKey).toEqual(customer);
      expect(found.bySubject).toEqual(customer);
      expect(found.missing).toBeUndefined();
    });

    it('keeps null fields and empty subject lists', async () => {
      const bare = { ...sampleCustomer('cus_1', 'bare'), name: null, currency: null, timezone: null, metadata: {} };
      await storage.transaction((tx) => tx.customers.insert(bare));
      expect(await storage.transaction((tx) => tx.customers.findById('cus_1'))).toEqual(bare);
    });

    it('updates fields and replaces subject keys', async () => {
      await storage.transaction((tx) => tx.customers.insert(sampleCustomer('cus_1', 'acme', ['a', 'b'])));
      const changed = { ...sampleCustomer('cus_1', 'acme', ['b', 'c']), name: 'Renamed', metadata: { x: 1 } };
      await storage.transaction((tx) => tx.customers.update(changed));
      const state = await storage.transaction(async (tx) => ({
        customer: await tx.customers.findById('cus_1'),
        oldSubject: await tx.customers.findBySubjectKey('a'),
        newSubject: await tx.customers.findBySubjectKey('c'),
      }));
      expect(state.customer).toEqual(changed);
      expect(state.oldSubject).toBeUndefined();
      expect(state.newSubject?.id).toBe('cus_1');
    });

    it('refuses a duplicate key with a ConflictError naming customer.key', async () => {
      await storage.transaction((tx) => tx.customers.insert(sampleCustomer('cus_1', 'acme')));
      const error = await storage.transaction((tx) => tx.customers.insert(sampleCustomer('cus_2', 'acme'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).target).toBe('customer.key');
    });

    it('refuses a subject key owned by another customer, on insert and on update', async () => {
      await storage.transaction((tx) => tx.customers.insert(sampleCustomer('cus_1', 'a', ['shared'])));
      const onInsert = await storage
        .transaction((tx) => tx.customers.insert(sampleCustomer('cus_2', 'b', ['own', 'shared'])))
        .catch((e: unknown) => e);
      expect(onInsert).toBeInstanceOf(ConflictError);
      expect((onInsert as ConflictError).target).toBe('customer.subjectKeys');
      await storage.transaction((tx) => tx.customers.insert(sampleCustomer('cus_3', 'c', ['mine'])));
      const onUpdate = await storage
        .transaction((tx) => tx.customers.update(sampleCustomer('cus_3', 'c', ['mine', 'shared'])))
        .catch((e: unknown) => e);
      expect(onUpdate).toBeInstanceOf(ConflictError);
      const after = await storage.transaction(async (tx) => ({
        b: await tx.customers.findByKey('b'),
        own: await tx.customers.findBySubjectKey('own'),
        c: await tx.customers.findById('cus_3'),
      }));
      expect(after.b).toBeUndefined();
      expect(after.own).toBeUndefined();
      expect(after.c?.subjectKeys).toEqual(['mine']);
    });

    it('lists in id order, pages after an id, and leaves archived customers out unless asked', async () => {
      await storage.transaction(async (tx) => {
        for (const id of ['cus_3', 'cus_1', 'cus_4', 'cus_2']) await tx.customers.insert(sampleCustomer(id, `k${id}`, [`s${id}`]));
        await tx.customers.update({ ...sampleCustomer('cus_2', 'kcus_2', ['scus_2']), archivedAt: new Date(Date.UTC(2024, 1, 1)) });
      });
      const ids = async (o: { limit: number; afterId?: string; includeArchived: boolean }) =>
        (await storage.transaction((tx) => tx.customers.list(o))).map((c) => c.id);
      expect(await ids({ limit: 10, includeArchived: true })).toEqual(['cus_1', 'cus_2', 'cus_3', 'cus_4']);
      expect(await ids({ limit: 10, includeArchived: false })).toEqual(['cus_1', 'cus_3', 'cus_4']);
      expect(await ids({ limit: 2, afterId: 'cus_1', includeArchived: true })).toEqual(['cus_2', 'cus_3']);
      const listed = await storage.transaction((tx) => tx.customers.list({ limit: 1, includeArchived: true }));
      expect(listed[0]?.subjectKeys).toEqual(['scus_1']);
    });

    it('locks a customer inside a transaction, an unknown id included', async () => {
      await storage.transaction((tx) => tx.customers.insert(sampleCustomer('cus_1', 'acme')));
      const seen = await storage.transaction(async (tx) => {
        await tx.customers.lock('cus_1');
        await tx.customers.lock('cus_1');
        await tx.customers.lock('nobody');
        return tx.customers.findById('cus_1');
      });
      expect(seen?.id).toBe('cus_1');
    });

    it('holds the lock until commit: concurrent read-modify-writes under it from two handles lose no update', async () => {
      await storage.transaction((tx) => tx.customers.insert({ ...sampleCustomer('cus_1', 'acme'), metadata: { counter: 0 } }));
      const other = openOther();
      const order: string[] = [];
      const increment = (handle: Storage, name: string) =>
        handle.transaction(async (tx) => {
          await tx.customers.lock('cus_1');
          order.push(`${name} locked`);
          const customer = await tx.customers.findById('cus_1');
          // Without the lock, the other transaction would read the same counter meanwhile.
          await pause(60);
          await tx.customers.update({ ...customer!, metadata: { counter: Number(customer!.metadata.counter) + 1 } });
          order.push(`${name} wrote`);
        });
      await Promise.all([increment(storage, 'a'), increment(other, 'b')]);
      expect((await storage.transaction((tx) => tx.customers.findById('cus_1')))?.metadata).toEqual({ counter: 2 });
      // The second lock was granted only once the first transaction had written (and committed).
      expect(order.map((step) => step.split(' ')[1])).toEqual(['locked', 'wrote', 'locked', 'wrote']);
      if (other !== storage) await other.close();
    });
  });
}
