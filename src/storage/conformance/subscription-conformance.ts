import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors';
import type { Storage } from '../port';
import type { SubscriptionItemRecord, SubscriptionRecord, SubscriptionStatusFilter } from '../subscriptions/subscription-records';
import { sampleCustomer } from './customers-conformance';

const at = (iso: string): Date => new Date(iso);

const item = (key: string, from: string, to: string | null, extra: Partial<SubscriptionItemRecord> = {}): SubscriptionItemRecord => ({
  key,
  version: 1,
  rateCard: { key, featureKey: key, price: { type: 'unit', amount: '0.000000000000000001' }, entitlementTemplate: { type: 'metered', isSoftLimit: false, issueAfterReset: { amount: '100' } } },
  from: at(from),
  to: to === null ? null : at(to),
  entitlementId: `ent_${key}`,
  ...extra,
});

/**
 * A subscription record for conformance tests: two phases (a trial and the main phase) of two item
 * versions each, a plan snapshot, an edit, chain links and metadata.
 */
export function sampleSubscription(id: string, customerId: string, extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
  return {
    id,
    customerId,
    name: 'Pro plan',
    currency: 'EUR',
    planKey: 'pro',
    planVersion: 3,
    plan: {
      name: 'Pro',
      billingCadence: 'P1M',
      proRating: { enabled: true, mode: 'exact' },
      phases: [
        { key: 'trial', name: 'Trial', duration: 'P14D', rateCards: [{ key: 'tokens', price: null }] },
        { key: 'main', duration: null, rateCards: [{ key: 'seats', price: { type: 'flat', amount: '12345678901234567890.123456789' } }] },
      ],
    },
    customized: true,
    billingAnchor: at('2024-01-31T00:00:00.001Z'),
    startingPhase: 'trial',
    timeZone: 'Europe/Paris',
    activeFrom: at('2024-02-01T00:00:00.000Z'),
    activeTo: at('2025-02-01T00:00:00.000Z'),
    cancelProration: 'full_period',
    edits: [{ at: at('2024-02-20T12:34:56.789Z'), customizations: [{ op: 'override_price', key: 'seats', price: { amount: '9.99' } }, { op: 'remove_item', key: 'sso' }] }],
    previousSubscriptionId: 'sub_prev',
    nextSubscriptionId: 'sub_next',
    metadata: { crm: 'opp-1', note: 'ünïcødé "quoted"' },
    createdAt: at('2024-01-15T08:00:00.123Z'),
    updatedAt: at('2024-02-20T12:34:56.789Z'),
    deletedAt: null,
    revision: 4,
    phases: [
      {
        key: 'trial',
        name: 'Trial',
        from: at('2024-02-01T00:00:00.000Z'),
        to: at('2024-02-15T00:00:00.000Z'),
        items: [item('tokens', '2024-02-01T00:00:00.000Z', '2024-02-15T00:00:00.000Z'), item('sso', '2024-02-01T00:00:00.000Z', '2024-02-15T00:00:00.000Z', { entitlementId: null })],
      },
      {
        key: 'main',
        name: null,
        from: at('2024-02-15T00:00:00.000Z'),
        to: null,
        items: [
          item('seats', '2024-02-15T00:00:00.000Z', '2024-02-20T12:34:56.789Z'),
          item('seats', '2024-02-20T12:34:56.789Z', null, { version: 2, rateCard: { key: 'seats', price: { type: 'flat', amount: '9.99' } } }),
        ],
      },
    ],
    ...extra,
  };
}

/** A subscription with every nullable field null and no phases, edits or metadata. */
const bareSubscription = (id: string, customerId: string, extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord =>
  sampleSubscription(id, customerId, {
    planKey: null,
    planVersion: null,
    customized: false,
    startingPhase: null,
    activeTo: null,
    cancelProration: null,
    edits: [],
    previousSubscriptionId: null,
    nextSubscriptionId: null,
    metadata: {},
    revision: 1,
    phases: [],
    ...extra,
  });

/**
 * Subscriptions with their phases and item versions: round trips of every field, updates guarded
 * by the revision (phases and items replaced whole), listing by customer, by page and by status at
 * an instant (SB6, at its boundaries), rollback and duplicate ids. Registered by `storageConformance`.
 */
export function subscriptionConformance(getStorage: () => Storage): void {
  describe('subscriptions', () => {
    let storage: Storage;
    const find = (id: string) => storage.transaction((tx) => tx.subscriptions.findById(id));

    beforeEach(async () => {
      storage = getStorage();
      await storage.migrate();
      await storage.transaction(async (tx) => {
        await tx.customers.insert(sampleCustomer('cus_s1', 'sub-acme'));
        await tx.customers.insert(sampleCustomer('cus_s2', 'sub-beta'));
      });
    });

    it('round-trips every field: phases and items in order, dates to the millisecond, JSON, nulls and deletion', async () => {
      const full = sampleSubscription('sub_1', 'cus_s1');
      const bare = bareSubscription('sub_2', 'cus_s1');
      const deleted = sampleSubscription('sub_3', 'cus_s2', { deletedAt: at('2024-01-20T00:00:00.001Z'), activeTo: null, cancelProration: null });
      await storage.transaction(async (tx) => {
        await tx.subscriptions.insert(full);
        await tx.subscriptions.insert(bare);
        await tx.subscriptions.insert(deleted);
      });
      expect(await find('sub_1')).toEqual(full);
      expect(await find('sub_2')).toEqual(bare);
      expect(await find('sub_3')).toEqual(deleted);
      expect(await find('sub_9')).toBeUndefined();
      const listed = await storage.transaction((tx) => tx.subscriptions.list({ limit: 10 }));
      expect(listed).toEqual([full, bare, deleted]);
    });

    it('updates only at the expected revision: a stale revision returns false and changes nothing', async () => {
      const first = sampleSubscription('sub_1', 'cus_s1');
      await storage.transaction((tx) => tx.subscriptions.insert(first));
      const canceled = {
        ...first,
        activeTo: at('2024-03-01T00:00:00.000Z'),
        cancelProration: 'prorate' as const,
        nextSubscriptionId: null,
        updatedAt: at('2024-02-25T00:00:00.000Z'),
        revision: 5,
        phases: first.phases.map((p, i) => ({ ...p, name: `phase ${i}`, items: p.items.map((it) => ({ ...it, to: at('2024-03-01T00:00:00.000Z') })) })),
      };
      expect(await storage.transaction((tx) => tx.subscriptions.update(canceled, 3))).toBe(false);
      expect(await find('sub_1')).toEqual(first);
      expect(await storage.transaction((tx) => tx.subscriptions.update(canceled, 4))).toBe(true);
      expect(await find('sub_1')).toEqual(canceled);
      expect(await storage.transaction((tx) => tx.subscriptions.update({ ...canceled, revision: 6, phases: [] }, 4))).toBe(false);
      expect(await find('sub_1')).toEqual(canceled);
      expect(await storage.transaction((tx) => tx.subscriptions.update(bareSubscription('sub_9', 'cus_s1'), 1))).toBe(false);
      expect(await find('sub_9')).toBeUndefined();
    });

    it('an update that shrinks phases and items leaves none of the old ones, and one that grows them adds them', async () => {
      const first = sampleSubscription('sub_1', 'cus_s1');
      const firstPhase = first.phases[0]!;
      const shrunk = { ...first, revision: 5, phases: [{ ...firstPhase, items: firstPhase.items.slice(0, 1) }] };
      await storage.transaction(async (tx) => {
        await tx.subscriptions.insert(first);
        await tx.subscriptions.insert(sampleSubscription('sub_2', 'cus_s1'));
      });
      expect(await storage.transaction((tx) => tx.subscriptions.update(shrunk, 4))).toBe(true);
      expect(await find('sub_1')).toEqual(shrunk);
      const regrown = { ...first, revision: 6 };
      expect(await storage.transaction((tx) => tx.subscriptions.update(regrown, 5))).toBe(true);
      expect(await find('sub_1')).toEqual(regrown);
      expect(await find('sub_2')).toEqual(sampleSubscription('sub_2', 'cus_s1'));
    });

    it('lists a customer’s subscriptions by id, deleted ones too', async () => {
      await storage.transaction(async (tx) => {
        await tx.subscriptions.insert(bareSubscription('sub_3', 'cus_s1'));
        await tx.subscriptions.insert(bareSubscription('sub_1', 'cus_s1', { deletedAt: at('2024-01-02T00:00:00Z') }));
        await tx.subscriptions.insert(bareSubscription('sub_2', 'cus_s2'));
      });
      const ids = async (customerId: string) => (await storage.transaction((tx) => tx.subscriptions.listByCustomer(customerId))).map((s) => s.id);
      expect(await ids('cus_s1')).toEqual(['sub_1', 'sub_3']);
      expect(await ids('cus_s2')).toEqual(['sub_2']);
      expect(await ids('nobody')).toEqual([]);
    });

    it('pages by id after an id, and filters by customer', async () => {
      await storage.transaction(async (tx) => {
        for (const [id, customer] of [['sub_5', 'cus_s1'], ['sub_1', 'cus_s2'], ['sub_4', 'cus_s1'], ['sub_2', 'cus_s1'], ['sub_3', 'cus_s2']] as const) {
          await tx.subscriptions.insert(bareSubscription(id, customer));
        }
      });
      const ids = async (options: { limit: number; afterId?: string; customerId?: string }) => (await storage.transaction((tx) => tx.subscriptions.list(options))).map((s) => s.id);
      expect(await ids({ limit: 2 })).toEqual(['sub_1', 'sub_2']);
      expect(await ids({ limit: 2, afterId: 'sub_2' })).toEqual(['sub_3', 'sub_4']);
      expect(await ids({ limit: 2, afterId: 'sub_4' })).toEqual(['sub_5']);
      expect(await ids({ limit: 10, customerId: 'cus_s1' })).toEqual(['sub_2', 'sub_4', 'sub_5']);
      expect(await ids({ limit: 1, customerId: 'cus_s1', afterId: 'sub_2' })).toEqual(['sub_4']);
    });

    it('filters by status at an instant (SB6), at activeFrom, at activeTo and once deleted', async () => {
      const feb1 = '2024-02-01T00:00:00.000Z';
      const mar1 = '2024-03-01T00:00:00.000Z';
      await storage.transaction(async (tx) => {
        await tx.subscriptions.insert(bareSubscription('sub_open', 'cus_s1', { activeFrom: at(feb1) }));
        await tx.subscriptions.insert(bareSubscription('sub_ending', 'cus_s1', { activeFrom: at('2024-01-01T00:00:00Z'), activeTo: at(mar1) }));
        await tx.subscriptions.insert(bareSubscription('sub_deleted', 'cus_s1', { activeFrom: at(mar1), deletedAt: at('2024-01-10T00:00:00Z') }));
        await tx.subscriptions.insert(bareSubscription('sub_later', 'cus_s2', { activeFrom: at(mar1), activeTo: at('2024-04-01T00:00:00Z') }));
      });
      const ids = async (status: SubscriptionStatusFilter['status'], instant: string, customerId?: string) =>
        (await storage.transaction((tx) => tx.subscriptions.list({ limit: 10, status: { status, at: at(instant) }, ...(customerId !== undefined && { customerId }) }))).map((s) => s.id);
      const statuses = async (instant: string) => ({
        scheduled: await ids('scheduled', instant),
        active: await ids('active', instant),
        canceled: await ids('canceled', instant),
        inactive: await ids('inactive', instant),
      });
      expect(await statuses('2024-01-31T23:59:59.999Z')).toEqual({ scheduled: ['sub_later', 'sub_open'], active: [], canceled: ['sub_ending'], inactive: ['sub_deleted'] });
      expect(await statuses(feb1)).toEqual({ scheduled: ['sub_later'], active: ['sub_open'], canceled: ['sub_ending'], inactive: ['sub_deleted'] });
      expect(await statuses('2024-02-29T23:59:59.999Z')).toEqual({ scheduled: ['sub_later'], active: ['sub_open'], canceled: ['sub_ending'], inactive: ['sub_deleted'] });
      expect(await statuses(mar1)).toEqual({ scheduled: [], active: ['sub_open'], canceled: ['sub_later'], inactive: ['sub_deleted', 'sub_ending'] });
      expect(await ids('canceled', mar1, 'cus_s1')).toEqual([]);
      expect(await ids('inactive', mar1, 'cus_s1')).toEqual(['sub_deleted', 'sub_ending']);
    });

    it('keeps nothing of a failed transaction: inserts and updates roll back together', async () => {
      const first = sampleSubscription('sub_1', 'cus_s1');
      await storage.transaction((tx) => tx.subscriptions.insert(first));
      const boom = new Error('boom');
      const error = await storage
        .transaction(async (tx) => {
          await tx.subscriptions.insert(sampleSubscription('sub_2', 'cus_s1'));
          expect(await tx.subscriptions.update({ ...first, revision: 5, phases: [] }, 4)).toBe(true);
          expect((await tx.subscriptions.findById('sub_1'))?.phases).toEqual([]);
          throw boom;
        })
        .catch((e: unknown) => e);
      expect(error).toBe(boom);
      expect(await find('sub_1')).toEqual(first);
      expect(await find('sub_2')).toBeUndefined();
      expect((await storage.transaction((tx) => tx.subscriptions.listByCustomer('cus_s1'))).map((s) => s.id)).toEqual(['sub_1']);
    });

    it('refuses a duplicate id with a ConflictError naming subscription.id, keeping the stored one', async () => {
      const first = sampleSubscription('sub_1', 'cus_s1');
      await storage.transaction((tx) => tx.subscriptions.insert(first));
      const error = await storage.transaction((tx) => tx.subscriptions.insert(bareSubscription('sub_1', 'cus_s2'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).target).toBe('subscription.id');
      expect(await find('sub_1')).toEqual(first);
      expect(await storage.transaction((tx) => tx.subscriptions.listByCustomer('cus_s2'))).toEqual([]);
    });
  });
}
