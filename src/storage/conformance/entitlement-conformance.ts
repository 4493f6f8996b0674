import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors';
import type { EntitlementRecord, GrantRecord, UsageCheckpointRecord } from '../entitlements/entitlement-records';
import type { Storage } from '../port';
import { sampleCustomer } from './customers-conformance';
import { sampleFeature } from './catalog-conformance';

const T0 = new Date('2024-02-29T23:59:59.999Z');

/** A metered entitlement record for conformance tests. */
export function sampleEntitlement(id: string, customerId: string, featureId: string, extra: Partial<EntitlementRecord> = {}): EntitlementRecord {
  return {
    id,
    customerId,
    featureId,
    featureKey: 'tokens',
    type: 'metered',
    usagePeriod: { interval: 'P1M', anchor: new Date('2024-01-31T00:00:00.001Z') },
    isSoftLimit: true,
    issueAfterReset: { amount: '0.000000000000000001', priority: 7 },
    preserveOverageAtReset: true,
    measureUsageFrom: new Date('2024-01-31T00:00:00Z'),
    activeFrom: T0,
    activeTo: null,
    config: null,
    thresholds: [{ type: 'usage_percentage', value: '80.5' }],
    metadata: { plan: 'pro', nested: [1, 'two', null] },
    subscriptionId: null,
    version: 1,
    createdAt: T0,
    deletedAt: null,
    ...extra,
  };
}

/** A grant record for conformance tests. */
export function sampleGrant(id: string, entitlementId: string, extra: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id,
    entitlementId,
    customerId: 'cus_e1',
    featureId: 'feat_e1',
    amount: '12345678901234567890.123456789',
    priority: 255,
    effectiveAt: T0,
    expiresAt: new Date('2024-03-31T00:00:00.001Z'),
    voidedAt: null,
    minRolloverAmount: '0.1',
    maxRolloverAmount: null,
    recurrence: { interval: 'P1W', anchor: new Date('2024-03-01T00:00:00Z') },
    metadata: { source: 'promo' },
    createdAt: T0,
    ...extra,
  };
}

const checkpoint = (entitlementId: string, extra: Partial<UsageCheckpointRecord> = {}): UsageCheckpointRecord => ({
  entitlementId,
  version: 3,
  fingerprint: '1709251199999',
  segmentStartMs: Date.UTC(2024, 2, 1),
  periodStartMs: Date.UTC(2024, 2, 1),
  balances: { grt_a: '0.3', grt_b: '100' },
  overage: '0',
  usage: '12.5',
  grantUsage: '12.5',
  tail: '0.1',
  tailBoundMs: Date.UTC(2024, 2, 5),
  pendingFromMs: null,
  notifyAt: '80.25',
  ...extra,
});

/**
 * Entitlements, grants, resets, balance snapshots, usage checkpoints and the notification outbox:
 * round trips (the managing subscription included), several entitlements of one customer and
 * feature, unique ids (also under concurrency), `setActiveTo`, guarded and exact tail additions,
 * rollback, and outbox poll/ack. Registered by `storageConformance`.
 */
export function entitlementConformance(getStorage: () => Storage, openOther: () => Storage): void {
  describe('entitlements', () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = getStorage();
      await storage.migrate();
      await storage.transaction(async (tx) => {
        await tx.customers.insert(sampleCustomer('cus_e1', 'ent-acme', ['ent-s1', 'ent-s2']));
        await tx.customers.insert(sampleCustomer('cus_e2', 'ent-beta', ['ent-s3']));
        await tx.meters.insert({ id: 'mtr_e1', key: 'ent_meter', name: null, eventType: 'ent', aggregation: 'SUM', valueProperty: '$.n', groupBy: {}, createdAt: T0, archivedAt: null });
        await tx.features.insert({ ...sampleFeature('feat_e1', 'tokens'), meterKey: 'ent_meter', meterGroupByFilters: { model: ['a', 'b'] } });
        await tx.features.insert({ ...sampleFeature('feat_e2', 'sso'), meterKey: null, meterGroupByFilters: {} });
      });
    });

    it('round-trips an entitlement of each type, dates to the millisecond and decimals exactly', async () => {
      const metered = sampleEntitlement('ent_1', 'cus_e1', 'feat_e1');
      const stat = sampleEntitlement('ent_2', 'cus_e1', 'feat_e2', {
        type: 'static',
        featureKey: 'sso',
        usagePeriod: null,
        issueAfterReset: null,
        isSoftLimit: false,
        preserveOverageAtReset: false,
        measureUsageFrom: null,
        activeFrom: null,
        activeTo: new Date('2025-01-01T00:00:00Z'),
        config: { seats: 5, tags: ['a'] },
        thresholds: [],
      });
      await storage.transaction(async (tx) => {
        await tx.entitlements.insert(metered);
        await tx.entitlements.insert(stat);
      });
      const read = await storage.transaction(async (tx) => ({
        one: await tx.entitlements.findById('ent_1'),
        two: await tx.entitlements.findById('ent_2'),
        byCustomer: await tx.entitlements.listByCustomer('cus_e1'),
        byFeature: await tx.entitlements.listByCustomer('cus_e1', 'feat_e2'),
        listed: await tx.entitlements.list({ limit: 10, featureId: 'feat_e1', includeDeleted: false }),
      }));
      expect(read.one).toEqual(metered);
      expect(read.two).toEqual(stat);
      expect(read.byCustomer.map((e) => e.id)).toEqual(['ent_1', 'ent_2']);
      expect(read.byFeature.map((e) => e.id)).toEqual(['ent_2']);
      expect(read.listed.map((e) => e.id)).toEqual(['ent_1']);
    });

    it('stores two entitlements of one customer and feature that are not deleted (their spans are the facade\'s rule)', async () => {
      const ending = sampleEntitlement('ent_1', 'cus_e1', 'feat_e1', { activeTo: new Date('2024-03-01T00:00:00Z'), subscriptionId: 'sub_1' });
      const next = sampleEntitlement('ent_2', 'cus_e1', 'feat_e1', { activeFrom: new Date('2024-03-01T00:00:00Z'), subscriptionId: 'sub_2' });
      await storage.transaction(async (tx) => {
        await tx.entitlements.insert(ending);
        await tx.entitlements.insert(next);
      });
      const read = await storage.transaction(async (tx) => ({
        byFeature: await tx.entitlements.listByCustomer('cus_e1', 'feat_e1'),
        listed: await tx.entitlements.list({ limit: 10, customerId: 'cus_e1', includeDeleted: false }),
        target: await tx.entitlements.findCheckTarget('cus_e1', 'feat_e1'),
      }));
      expect(read.byFeature).toEqual([ending, next]);
      expect(read.listed).toEqual([ending, next]);
      expect(read.target?.entitlements).toEqual([ending, next]);
    });

    it('refuses a duplicate id with a ConflictError naming entitlement.id, keeping the stored one', async () => {
      const first = sampleEntitlement('ent_1', 'cus_e1', 'feat_e1');
      await storage.transaction((tx) => tx.entitlements.insert(first));
      const error = await storage.transaction((tx) => tx.entitlements.insert(sampleEntitlement('ent_1', 'cus_e2', 'feat_e2'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).target).toBe('entitlement.id');
      expect(await storage.transaction((tx) => tx.entitlements.findById('ent_1'))).toEqual(first);
      expect(await storage.transaction((tx) => tx.entitlements.listByCustomer('cus_e2'))).toEqual([]);
    });

    it('round-trips the managing subscription, and sets or clears activeTo with a version bump', async () => {
      const managed = sampleEntitlement('ent_1', 'cus_e1', 'feat_e1', { subscriptionId: 'sub_1', activeTo: null });
      await storage.transaction((tx) => tx.entitlements.insert(managed));
      expect(await storage.transaction((tx) => tx.entitlements.findById('ent_1'))).toEqual(managed);
      const end = new Date('2024-03-15T12:00:00.001Z');
      expect(await storage.transaction((tx) => tx.entitlements.setActiveTo('ent_1', end))).toBe(2);
      expect(await storage.transaction((tx) => tx.entitlements.findById('ent_1'))).toEqual({ ...managed, activeTo: end, version: 2 });
      expect(await storage.transaction((tx) => tx.entitlements.setActiveTo('ent_1', null))).toBe(3);
      expect(await storage.transaction((tx) => tx.entitlements.findById('ent_1'))).toEqual({ ...managed, activeTo: null, version: 3 });
      const failed = await storage
        .transaction(async (tx) => {
          await tx.entitlements.setActiveTo('ent_1', end);
          throw new Error('rolled back');
        })
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
      expect(await storage.transaction((tx) => tx.entitlements.findById('ent_1'))).toEqual({ ...managed, activeTo: null, version: 3 });
    });

    it('lets one of many concurrent creates of one id from two handles win', async () => {
      const other = openOther();
      const handles = [storage, other];
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => handles[i % 2]!.transaction((tx) => tx.entitlements.insert(sampleEntitlement('ent_c', 'cus_e2', 'feat_e1', { version: i + 1 })))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected.every((o) => o.reason instanceof ConflictError && o.reason.target === 'entitlement.id')).toBe(true);
      expect(await storage.transaction((tx) => tx.entitlements.listByCustomer('cus_e2'))).toHaveLength(1);
      await other.close();
    });

    it('bumps versions and finds what ingestion and checks need in one read', async () => {
      await storage.transaction(async (tx) => {
        await tx.entitlements.insert(sampleEntitlement('ent_1', 'cus_e1', 'feat_e1'));
        await tx.entitlements.insert(sampleEntitlement('ent_2', 'cus_e2', 'feat_e1', { thresholds: [] }));
        await tx.entitlements.insert(sampleEntitlement('ent_3', 'cus_e1', 'feat_e2', { type: 'boolean', usagePeriod: null }));
        await tx.usageCheckpoints.put(checkpoint('ent_1'));
      });
      expect(await storage.transaction((tx) => tx.entitlements.bumpVersion('ent_1'))).toBe(2);
      const tracked = await storage.transaction((tx) => tx.entitlements.findTracked('ent_meter', ['ent-s2', 'ent-s1', 'ent-s3', 'nobody']));
      expect(tracked.map((t) => [t.entitlementId, [...t.subjects].sort(), t.hasThresholds, t.filters])).toEqual([
        ['ent_1', ['ent-s1', 'ent-s2'], true, { model: ['a', 'b'] }],
        ['ent_2', ['ent-s3'], false, { model: ['a', 'b'] }],
      ]);
      const target = await storage.transaction((tx) => tx.entitlements.findCheckTarget('ent-acme', 'tokens'));
      expect(target).toMatchObject({ customerId: 'cus_e1', featureId: 'feat_e1', featureKey: 'tokens', meterKey: 'ent_meter', filters: { model: ['a', 'b'] } });
      expect(target?.entitlements.map((e) => [e.id, e.version])).toEqual([['ent_1', 2]]);
      expect(target?.checkpoints).toEqual([checkpoint('ent_1')]);
      expect((await storage.transaction((tx) => tx.entitlements.findCheckTarget('cus_e2', 'feat_e2')))?.entitlements).toEqual([]);
      expect(await storage.transaction((tx) => tx.entitlements.findCheckTarget('nobody', 'tokens'))).toBeUndefined();
    });

    it('round-trips grants and voids each once; a failed transaction voids nothing', async () => {
      const grant = sampleGrant('grt_1', 'ent_1');
      const plain = sampleGrant('grt_2', 'ent_1', { recurrence: null, expiresAt: null, maxRolloverAmount: '0.5', priority: 1 });
      await storage.transaction(async (tx) => {
        await tx.entitlements.insert(sampleEntitlement('ent_1', 'cus_e1', 'feat_e1'));
        await tx.grants.insert(grant);
        await tx.grants.insert(plain);
      });
      expect(await storage.transaction((tx) => tx.grants.listByEntitlement('ent_1'))).toEqual([grant, plain]);
      const boom = new Error('boom');
      const failed = await storage
        .transaction(async (tx) => {
          expect(await tx.grants.void('grt_1', new Date('2024-03-02T00:00:00Z'))).toBe(true);
          throw boom;
        })
        .catch((e: unknown) => e);
      expect(failed).toBe(boom);
      expect((await storage.transaction((tx) => tx.grants.findById('grt_1')))?.voidedAt).toBeNull();
      expect(await storage.transaction((tx) => tx.grants.void('grt_1', new Date('2024-03-02T00:00:00.001Z')))).toBe(true);
      expect(await storage.transaction((tx) => tx.grants.void('grt_1', new Date('2024-03-03T00:00:00Z')))).toBe(false);
      const listed = await storage.transaction(async (tx) => ({
        active: await tx.grants.list({ limit: 10, includeVoided: false, customerId: 'cus_e1' }),
        all: await tx.grants.list({ limit: 10, includeVoided: true, entitlementId: 'ent_1', afterId: 'grt_0' }),
      }));
      expect(listed.active.map((g) => g.id)).toEqual(['grt_2']);
      expect(listed.all[0]?.voidedAt?.toISOString()).toBe('2024-03-02T00:00:00.001Z');
    });

    it('keeps resets by instant and snapshots by (entitlement, instant), deleting those after an instant', async () => {
      const snap = (at: string, balance: string) => ({ entitlementId: 'ent_1', at: new Date(at), fingerprint: 'f1', balances: { grt_1: balance }, overage: '0.5' });
      await storage.transaction(async (tx) => {
        await tx.entitlementResets.insert({ id: 'rst_2', entitlementId: 'ent_1', at: new Date('2024-03-10T00:00:00Z'), retainAnchor: true, preserveOverage: false, createdAt: T0 });
        await tx.entitlementResets.insert({ id: 'rst_1', entitlementId: 'ent_1', at: new Date('2024-03-05T00:00:00Z'), retainAnchor: false, preserveOverage: true, createdAt: T0 });
        await tx.balanceSnapshots.save([snap('2024-02-01T00:00:00Z', '1'), snap('2024-03-01T00:00:00Z', '2'), snap('2024-04-01T00:00:00Z', '3')]);
        await tx.balanceSnapshots.save([snap('2024-03-01T00:00:00Z', '2.25')]);
      });
      const resets = await storage.transaction((tx) => tx.entitlementResets.listByEntitlement('ent_1'));
      expect(resets.map((r) => [r.id, r.retainAnchor, r.preserveOverage])).toEqual([
        ['rst_1', false, true],
        ['rst_2', true, false],
      ]);
      const latest = (ms: number) => storage.transaction((tx) => tx.balanceSnapshots.latest('ent_1', ms));
      expect(await latest(Date.UTC(2024, 2, 15))).toEqual(snap('2024-03-01T00:00:00Z', '2.25'));
      expect(await latest(Date.UTC(2024, 0, 15))).toBeUndefined();
      await storage.transaction((tx) => tx.balanceSnapshots.deleteAfterMany([{ entitlementId: 'ent_1', afterMs: Date.UTC(2024, 2, 1) }]));
      expect((await latest(Date.UTC(2024, 5, 1)))?.at.toISOString()).toBe('2024-03-01T00:00:00.000Z');
      await storage.transaction((tx) => tx.balanceSnapshots.deleteAfter('ent_1', -Infinity));
      expect(await latest(Date.UTC(2024, 5, 1))).toBeUndefined();
    });

    it('adds usage to checkpoint tails exactly, reporting only the misses and the tails that reach notifyAt', async () => {
      const march = Date.UTC(2024, 2, 1);
      await storage.transaction(async (tx) => {
        await tx.usageCheckpoints.put(checkpoint('ent_1'));
        await tx.usageCheckpoints.put(checkpoint('ent_2', { tail: '80', notifyAt: '80.25' }));
        await tx.usageCheckpoints.put(checkpoint('ent_3', { segmentStartMs: march + 10 }));
      });
      const outcome = await storage.transaction((tx) =>
        tx.usageCheckpoints.addUsage([
          { entitlementId: 'ent_1', fromMs: march, delta: '0.2', boundMs: Date.UTC(2024, 2, 7), pendingFromMs: null },
          { entitlementId: 'ent_2', fromMs: march + 5, delta: 1, boundMs: 0, pendingFromMs: null },
          { entitlementId: 'ent_3', fromMs: march + 5, delta: 7, boundMs: Date.UTC(2024, 2, 9), pendingFromMs: null },
          { entitlementId: 'ent_9', fromMs: march, delta: '1', boundMs: 0, pendingFromMs: null },
        ]),
      );
      expect({ missed: [...outcome.missed].sort(), reached: outcome.reached }).toEqual({ missed: ['ent_3', 'ent_9'], reached: ['ent_2'] });
      const [k1, k2, k3] = await storage.transaction(async (tx) => [await tx.usageCheckpoints.get('ent_1'), await tx.usageCheckpoints.get('ent_2'), await tx.usageCheckpoints.get('ent_3')]);
      expect(k1 && { tail: k1.tail, bound: k1.tailBoundMs, balances: k1.balances }).toEqual({ tail: '0.3', bound: Date.UTC(2024, 2, 7), balances: { grt_a: '0.3', grt_b: '100' } });
      expect(k2 && { tail: k2.tail, bound: k2.tailBoundMs }).toEqual({ tail: '81', bound: Date.UTC(2024, 2, 5) });
      expect(k3 && { tail: k3.tail, bound: k3.tailBoundMs }).toEqual({ tail: '0.1', bound: Date.UTC(2024, 2, 5) });
      expect(await storage.transaction((tx) => tx.usageCheckpoints.addUsage([]))).toEqual({ missed: [], reached: [] });
      await storage.transaction((tx) => tx.usageCheckpoints.delete(['ent_1']));
      expect(await storage.transaction((tx) => tx.usageCheckpoints.get('ent_1'))).toBeUndefined();
    });

    it('keeps future-stamped usage pending: lowers pendingFromMs, refuses additions reaching it', async () => {
      const march = Date.UTC(2024, 2, 1);
      const at = (day: number) => Date.UTC(2024, 2, day);
      await storage.transaction(async (tx) => {
        await tx.usageCheckpoints.put(checkpoint('ent_1'));
        await tx.usageCheckpoints.put(checkpoint('ent_2', { pendingFromMs: at(20) }));
      });
      const first = await storage.transaction((tx) =>
        tx.usageCheckpoints.addUsage([
          { entitlementId: 'ent_1', fromMs: march, delta: 2, boundMs: at(6), pendingFromMs: at(25) },
          { entitlementId: 'ent_2', fromMs: march, delta: 3, boundMs: at(6), pendingFromMs: at(22) },
        ]),
      );
      expect(first).toEqual({ missed: [], reached: [] });
      const [k1, k2] = await storage.transaction(async (tx) => [await tx.usageCheckpoints.get('ent_1'), await tx.usageCheckpoints.get('ent_2')]);
      expect(k1 && { tail: k1.tail, bound: k1.tailBoundMs, pending: k1.pendingFromMs }).toEqual({ tail: '2.1', bound: at(6), pending: at(25) });
      expect(k2 && { tail: k2.tail, bound: k2.tailBoundMs, pending: k2.pendingFromMs }).toEqual({ tail: '3.1', bound: at(6), pending: at(20) });
      // An event stamped at or after the pending instant cannot join the tail: the checkpoint is missed (and dropped by the caller).
      const second = await storage.transaction((tx) =>
        tx.usageCheckpoints.addUsage([
          { entitlementId: 'ent_1', fromMs: at(24), delta: 1, boundMs: at(24) + 1, pendingFromMs: null },
          { entitlementId: 'ent_2', fromMs: at(20), delta: 1, boundMs: at(20) + 1, pendingFromMs: null },
        ]),
      );
      expect(second).toEqual({ missed: ['ent_2'], reached: [] });
      expect((await storage.transaction((tx) => tx.usageCheckpoints.get('ent_1')))?.pendingFromMs).toBe(at(25));
    });

    it('concurrent usage additions from two handles all count', async () => {
      await storage.transaction((tx) => tx.usageCheckpoints.put(checkpoint('ent_1', { tail: '0' })));
      const other = openOther();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          [storage, other][i % 2]!.transaction((tx) =>
            tx.usageCheckpoints.addUsage([{ entitlementId: 'ent_1', fromMs: Date.UTC(2024, 2, 2), delta: '0.1', boundMs: Date.UTC(2024, 2, 5) + i, pendingFromMs: null }]),
          ),
        ),
      );
      const k = await storage.transaction((tx) => tx.usageCheckpoints.get('ent_1'));
      expect(k?.tail).toBe('2');
      expect(k?.tailBoundMs).toBe(Date.UTC(2024, 2, 5) + 19);
      await other.close();
    });

    it('delivers outbox notifications until acknowledged, and fires each key once per period', async () => {
      const n = (id: string) => ({ id, type: 'entitlement.threshold', payload: JSON.stringify({ id, at: T0.toISOString() }), createdAt: T0, ackedAt: null });
      await storage.transaction((tx) => tx.notifications.append([n('ntf_2'), n('ntf_1'), n('ntf_3')]));
      await storage.transaction(async () => undefined);
      const failed = await storage.transaction(async (tx) => {
        await tx.notifications.append([n('ntf_4')]);
        throw new Error('rolled back');
      }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(Error);
      expect((await storage.transaction((tx) => tx.notifications.pending(2))).map((r) => r.id)).toEqual(['ntf_1', 'ntf_2']);
      expect(await storage.transaction((tx) => tx.notifications.ack(['ntf_1', 'ntf_1', 'ntf_9'], T0))).toBe(1);
      expect(await storage.transaction((tx) => tx.notifications.ack(['ntf_1'], T0))).toBe(0);
      const pending = await storage.transaction((tx) => tx.notifications.pending(10));
      expect(pending).toEqual([n('ntf_2'), n('ntf_3')]);
      const fired = await storage.transaction(async (tx) => [
        await tx.notifications.markFired('ent_1', 'threshold:usage:5', 100),
        await tx.notifications.markFired('ent_1', 'threshold:usage:5', 100),
        await tx.notifications.markFired('ent_1', 'threshold:usage:5', 200),
        await tx.notifications.markFired('ent_1', 'grant:grt_1', 100),
      ]);
      expect(fired).toEqual([true, false, true, true]);
      expect((await storage.transaction((tx) => tx.notifications.firedKeys('ent_1', 100))).sort()).toEqual(['grant:grt_1', 'threshold:usage:5']);
    });
  });
}
