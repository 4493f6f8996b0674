import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StateError, type Storage, type Tollgate, ValidationError, createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

/** tg.customers end to end on one adapter: the facade, the port and the adapter together. */
export function customersFacadeSuite(name: string, makeStorage: () => Promise<{ storage: Storage; teardown?: () => Promise<void> }>): void {
  describe(`tg.customers on ${name}`, () => {
    let tg: Tollgate;
    let clock: TestClock;
    let teardown: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await makeStorage();
      teardown = made.teardown;
      clock = new TestClock('2024-05-01T12:00:00Z');
      tg = createTollgate({ storage: made.storage, clock, currencies: { CREDITS: { precision: 4 } } });
      await tg.migrate();
    });
    afterEach(async () => {
      await tg.close();
      await teardown?.();
    });

    it('creates a customer and reads it back by id and by key', async () => {
      const created = await tg.customers.create({
        key: 'acme',
        name: 'Acme Inc.',
        subjectKeys: ['acme-prod', 'acme-dev'],
        currency: 'EUR',
        timezone: 'Europe/Paris',
        metadata: { plan: 'pro', seats: 12 },
      });
      expect(created).toMatchObject({
        key: 'acme',
        name: 'Acme Inc.',
        subjectKeys: ['acme-prod', 'acme-dev'],
        currency: 'EUR',
        timezone: 'Europe/Paris',
        metadata: { plan: 'pro', seats: 12 },
        archivedAt: null,
      });
      expect(created.id).toMatch(/^cus_[0-9A-Z]{26}$/);
      expect(created.createdAt).toEqual(new Date('2024-05-01T12:00:00Z'));
      expect(await tg.customers.get(created.id)).toEqual(created);
      expect(await tg.customers.get('acme')).toEqual(created);
    });

    it('accepts a custom currency registered on the client', async () => {
      expect((await tg.customers.create({ key: 'c', currency: 'CREDITS' })).currency).toBe('CREDITS');
    });

    it('refuses a duplicate key and a subject key owned by someone else, writing nothing', async () => {
      await tg.customers.create({ key: 'acme', subjectKeys: ['shared'] });
      await expect(tg.customers.create({ key: 'acme' })).rejects.toMatchObject({ code: 'conflict', target: 'customer.key' });
      await expect(tg.customers.create({ key: 'globex', subjectKeys: ['own', 'shared'] })).rejects.toBeInstanceOf(ConflictError);
      await expect(tg.customers.get('globex')).rejects.toBeInstanceOf(NotFoundError);
      const page = await tg.customers.list();
      expect(page.items.map((c) => c.key)).toEqual(['acme']);
    });

    it('updates fields, replaces subject keys and frees the old ones', async () => {
      await tg.customers.create({ key: 'acme', subjectKeys: ['a', 'b'], name: 'Acme' });
      clock.advance('PT1H');
      const updated = await tg.customers.update('acme', { subjectKeys: ['b', 'c'], name: null, timezone: 'America/New_York' });
      expect(updated).toMatchObject({ subjectKeys: ['b', 'c'], name: null, timezone: 'America/New_York' });
      expect(updated.updatedAt).toEqual(new Date('2024-05-01T13:00:00Z'));
      expect(await tg.customers.get('acme')).toEqual(updated);
      const other = await tg.customers.create({ key: 'globex', subjectKeys: ['a'] });
      expect(other.subjectKeys).toEqual(['a']);
      await expect(tg.customers.update('globex', { subjectKeys: ['c'] })).rejects.toBeInstanceOf(ConflictError);
      expect((await tg.customers.get('globex')).subjectKeys).toEqual(['a']);
    });

    it('archives: out of the default list, frozen, idempotent, still readable', async () => {
      const acme = await tg.customers.create({ key: 'acme', subjectKeys: ['s1'] });
      await tg.customers.create({ key: 'globex' });
      clock.advance('P1D');
      const archived = await tg.customers.archive(acme.id);
      expect(archived.archivedAt).toEqual(new Date('2024-05-02T12:00:00Z'));
      expect(await tg.customers.archive('acme')).toEqual(archived);
      expect((await tg.customers.list()).items.map((c) => c.key)).toEqual(['globex']);
      expect((await tg.customers.list({ includeArchived: true })).items.map((c) => c.key)).toEqual(['acme', 'globex']);
      await expect(tg.customers.update('acme', { name: 'x' })).rejects.toBeInstanceOf(StateError);
      await expect(tg.customers.create({ key: 'other', subjectKeys: ['s1'] })).rejects.toBeInstanceOf(ConflictError);
      expect((await tg.customers.get('acme')).archivedAt).toEqual(archived.archivedAt);
    });

    it('paginates with cursors in creation order', async () => {
      for (let i = 0; i < 7; i++) {
        await tg.customers.create({ key: `c${i}` });
        clock.advance('PT1S');
      }
      const keys: string[] = [];
      let page = await tg.customers.list({ limit: 3 });
      keys.push(...page.items.map((c) => c.key));
      while (page.nextCursor) {
        page = await tg.customers.list({ limit: 3, cursor: page.nextCursor });
        keys.push(...page.items.map((c) => c.key));
      }
      expect(keys).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
      expect((await tg.customers.list({ limit: 7 })).nextCursor).toBeUndefined();
    });

    it('rejects bad input with a ValidationError listing every field, and writes nothing', async () => {
      const error = await tg.customers
        .create({ key: '', subjectKeys: ['x', 'x'], currency: 'ZZZ', timezone: 'Mars/Olympus' } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).issues.map((i) => i.path).sort();
      expect(paths).toEqual(['currency', 'key', 'subjectKeys', 'timezone']);
      expect((await tg.customers.list({ includeArchived: true })).items).toEqual([]);
    });

    it('throws NotFoundError for an unknown id or key', async () => {
      await expect(tg.customers.get('nobody')).rejects.toMatchObject({ code: 'not_found', resource: 'customer', ref: 'nobody' });
      await expect(tg.customers.update('cus_01HZZZZZZZZZZZZZZZZZZZZZZZ', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
