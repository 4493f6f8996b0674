import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StateError, type Storage, type Tollgate, ValidationError, createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const paths = (error: unknown): string[] => (error as ValidationError).issues.map((i) => i.path);

/** tg.entitlements, tg.grants and tg.notifications end to end on one adapter. */
export function entitlementsFacadeSuite(name: string, makeStorage: () => Promise<{ storage: Storage; teardown?: () => Promise<void> }>): void {
  describe(`entitlements on ${name}`, () => {
    let tg: Tollgate;
    let clock: TestClock;
    let teardown: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await makeStorage();
      teardown = made.teardown;
      clock = new TestClock('2024-03-01T00:00:00Z');
      tg = createTollgate({ storage: made.storage, clock });
      await tg.migrate();
      await tg.meters.create({ key: 'calls', eventType: 'call', aggregation: 'SUM', valueProperty: '$.n', groupBy: { model: '$.model' } });
      await tg.features.create({ key: 'api', meterKey: 'calls' });
      await tg.features.create({ key: 'gpt', meterKey: 'calls', meterGroupByFilters: { model: 'gpt' } });
      await tg.features.create({ key: 'sso' });
      await tg.features.create({ key: 'seats' });
      await tg.customers.create({ key: 'acme', subjectKeys: ['acme-1', 'acme-2'] });
      await tg.customers.create({ key: 'beta', subjectKeys: ['beta-1'] });
    });
    afterEach(async () => {
      await tg.close();
      await teardown?.();
    });

    let n = 0;
    const use = (subject: string, value: number | string, time: string, model = 'gpt') =>
      tg.events.ingest({ id: `ev-${n++}`, source: 'test', type: 'call', subject, time, data: { n: value, model } });
    const metered = (extra: Record<string, unknown> = {}) =>
      tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'metered', usagePeriod: { interval: 'P1M', anchor: '2024-03-01T00:00:00Z' }, ...extra });

    describe('create, get, list, delete, override', () => {
      it('creates each type, reads it back and lists it', async () => {
        const m = await metered({ issueAfterReset: { amount: 100 }, thresholds: [{ type: 'usage', value: 50 }] });
        const b = await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
        const s = await tg.entitlements.create({ customer: 'acme', feature: 'seats', type: 'static', config: { seats: 5 } });
        expect(m).toMatchObject({ type: 'metered', featureKey: 'api', usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: '100', priority: 1 }, thresholds: [{ type: 'usage', value: '50' }] });
        expect(await tg.entitlements.get(s.id)).toEqual(s);
        expect((await tg.entitlements.list({ customer: 'acme' })).items.map((e) => e.id)).toEqual([m.id, b.id, s.id]);
        expect((await tg.entitlements.list({ feature: 'sso' })).items.map((e) => e.id)).toEqual([b.id]);
        const grants = (await tg.grants.list({ entitlement: m.id })).items;
        expect(grants).toMatchObject([{ amount: '100', minRolloverAmount: '100', maxRolloverAmount: '100', effectiveAt: new Date('2024-03-01T00:00:00Z') }]);
      });

      it('refuses a second entitlement to the same feature (ConflictError), allows one after a delete', async () => {
        const first = await metered();
        const error = await errorOf(tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'boolean' }));
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).target).toBe('entitlement.feature');
        clock.advance('P1D');
        await tg.entitlements.delete(first.id);
        const second = await tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'boolean' });
        expect(second.type).toBe('boolean');
        expect((await tg.entitlements.list({ customer: 'acme', includeDeleted: true })).items).toHaveLength(2);
      });

      it('only one of several concurrent creates wins', async () => {
        const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => tg.entitlements.create({ customer: 'beta', feature: 'sso', type: 'boolean' })));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
      });

      it('soft delete: inactive from the delete on, still seen at earlier instants', async () => {
        const e = await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
        clock.set('2024-03-10T00:00:00Z');
        await tg.entitlements.delete(e.id);
        expect(await tg.entitlements.check('acme', 'sso')).toEqual({ feature: 'sso', type: 'boolean', hasAccess: false, reason: 'inactive' });
        expect(await tg.entitlements.check('acme', 'sso', { at: '2024-03-05T00:00:00Z' })).toEqual({ feature: 'sso', type: 'boolean', hasAccess: true });
        expect((await tg.entitlements.delete(e.id)).deletedAt).toEqual(new Date('2024-03-10T00:00:00Z'));
      });

      it('override replaces the entitlement atomically', async () => {
        const e = await metered();
        clock.set('2024-03-05T00:00:00Z');
        const next = await tg.entitlements.override(e.id, { type: 'static', config: { plan: 'pro' } });
        expect(await tg.entitlements.check('acme', 'api')).toEqual({ feature: 'api', type: 'static', hasAccess: true, config: { plan: 'pro' } });
        expect((await tg.entitlements.get(e.id)).deletedAt).toEqual(new Date('2024-03-05T00:00:00Z'));
        expect(next.id).not.toBe(e.id);
        expect(await errorOf(tg.entitlements.override(e.id, { type: 'boolean' }))).toBeInstanceOf(StateError);
      });

      it('every bad input is a ValidationError naming the field, and writes nothing', async () => {
        const bad = await errorOf(
          tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'metered', usagePeriod: { interval: 'P0D' }, issueAfterReset: { amount: -1, priority: 0 } } as never),
        );
        expect(bad).toBeInstanceOf(ValidationError);
        expect(paths(bad)).toEqual(expect.arrayContaining(['usagePeriod.interval', 'issueAfterReset.amount', 'issueAfterReset.priority']));
        expect(paths(await errorOf(tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'metered', usagePeriod: { interval: 'P1M' } })))).toEqual(['feature']);
        expect(paths(await errorOf(tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean', activeFrom: '2024-03-02T00:00:00Z', activeTo: '2024-03-01T00:00:00Z' })))).toEqual(['activeTo']);
        expect(paths(await errorOf(metered({ thresholds: [{ type: 'usage', value: 5 }, { type: 'usage', value: '5.0' }] })))).toEqual(['thresholds[1]']);
        expect(await errorOf(tg.entitlements.create({ customer: 'nobody', feature: 'sso', type: 'boolean' }))).toBeInstanceOf(NotFoundError);
        expect(await errorOf(tg.entitlements.get('ent_nope'))).toBeInstanceOf(NotFoundError);
        expect((await tg.entitlements.list({ includeDeleted: true })).items).toEqual([]);
      });
    });

    describe('checks', () => {
      it('answers no_entitlement, boolean, static, inactive before activeFrom and from activeTo', async () => {
        expect(await tg.entitlements.check('acme', 'sso')).toEqual({ feature: 'sso', hasAccess: false, reason: 'no_entitlement' });
        await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean', activeFrom: '2024-03-02T00:00:00Z', activeTo: '2024-04-01T00:00:00Z' });
        expect((await tg.entitlements.check('acme', 'sso')).reason).toBe('inactive');
        expect((await tg.entitlements.check('acme', 'sso', { at: '2024-03-15T00:00:00Z' })).hasAccess).toBe(true);
        expect((await tg.entitlements.check('acme', 'sso', { at: '2024-04-01T00:00:00Z' })).reason).toBe('inactive');
        expect(await errorOf(tg.entitlements.check('nobody', 'sso'))).toBeInstanceOf(NotFoundError);
        expect(await errorOf(tg.entitlements.check('acme', 'nothing'))).toBeInstanceOf(NotFoundError);
        expect(paths(await errorOf(tg.entitlements.check('acme', 'sso', { quantity: -1 })))).toEqual(['quantity']);
      });

      it('burns usage of the customer subjects through grants in priority order, checks never consume', async () => {
        const e = await metered();
        await tg.grants.create({ entitlement: e.id }, { amount: 100, priority: 2 });
        await tg.grants.create({ customer: 'acme', feature: 'api' }, { amount: 30, priority: 1, expiresAt: '2024-03-20T00:00:00Z' });
        await use('acme-1', 20, '2024-03-02T00:00:00Z');
        await use('acme-2', '15.5', '2024-03-03T00:00:00Z');
        await use('beta-1', 1000, '2024-03-03T00:00:00Z');
        clock.set('2024-03-10T00:00:00Z');
        const v = await tg.entitlements.check('acme', 'api');
        expect(v).toMatchObject({ hasAccess: true, usage: '35.5', balance: '94.5', overage: '0', totalAvailableGrantAmount: '130' });
        expect(await tg.entitlements.check('acme', 'api')).toEqual(v);
        expect((await tg.entitlements.check('acme', 'api', { quantity: 94.5 })).hasAccess).toBe(true);
        expect(await tg.entitlements.check('acme', 'api', { quantity: '94.6' })).toMatchObject({ hasAccess: false, reason: 'limit_reached' });
        clock.set('2024-03-21T00:00:00Z');
        expect((await tg.entitlements.check('acme', 'api')).balance).toBe('94.5');
      });

      it('counts only the feature group filters', async () => {
        await tg.entitlements.create({ customer: 'acme', feature: 'gpt', type: 'metered', usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: 10 } });
        await use('acme-1', 4, '2024-03-02T00:00:00Z', 'gpt');
        await use('acme-1', 5, '2024-03-02T00:00:00Z', 'llama');
        clock.set('2024-03-03T00:00:00Z');
        expect(await tg.entitlements.check('acme', 'gpt')).toMatchObject({ usage: '4', balance: '6' });
      });

      it('late events are recomputed, also in earlier periods (rollover changes)', async () => {
        const e = await metered();
        await tg.grants.create({ entitlement: e.id }, { amount: 100, effectiveAt: '2024-03-01T00:00:00Z' });
        await use('acme-1', 10, '2024-03-05T00:00:00Z');
        clock.set('2024-04-10T00:00:00Z');
        expect((await tg.entitlements.check('acme', 'api')).balance).toBe('90');
        await use('acme-1', 5, '2024-04-09T00:00:00Z');
        expect((await tg.entitlements.check('acme', 'api')).balance).toBe('85');
        await use('acme-2', 30, '2024-03-20T00:00:00Z');
        expect((await tg.entitlements.check('acme', 'api')).balance).toBe('55');
        expect((await tg.entitlements.check('acme', 'api', { at: '2024-03-25T00:00:00Z' })).usage).toBe('40');
      });

      it('a subject claimed later brings its earlier usage (attribution at read time)', async () => {
        const e = await metered();
        await tg.grants.create({ entitlement: e.id }, { amount: 100, effectiveAt: '2024-03-01T00:00:00Z' });
        await use('acme-3', 25, '2024-03-02T00:00:00Z');
        clock.set('2024-03-05T00:00:00Z');
        expect((await tg.entitlements.check('acme', 'api')).usage).toBe('0');
        await tg.customers.update('acme', { subjectKeys: ['acme-1', 'acme-2', 'acme-3'] });
        expect((await tg.entitlements.check('acme', 'api')).usage).toBe('25');
      });

      it('access() lists every feature of the customer', async () => {
        await metered({ issueAfterReset: { amount: 5 } });
        await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
        await tg.entitlements.create({ customer: 'acme', feature: 'seats', type: 'static', config: { seats: 3 } });
        const all = await tg.entitlements.access('acme');
        expect(Object.keys(all).sort()).toEqual(['api', 'seats', 'sso']);
        expect(all.api).toMatchObject({ type: 'metered', hasAccess: true, balance: '5' });
        expect(all.seats).toEqual({ feature: 'seats', type: 'static', hasAccess: true, config: { seats: 3 } });
        expect(await tg.entitlements.access('beta')).toEqual({});
      });
    });

    describe('the gate: checks are inclusive', () => {
      const gate = async (target: Tollgate, allowance: number) => {
        await target.meters.create({ key: 'reqs', eventType: 'req', aggregation: 'COUNT' });
        await target.features.create({ key: 'requests', meterKey: 'reqs' });
        await target.customers.create({ key: 'gated', subjectKeys: ['gated-1'] });
        await target.entitlements.create({ customer: 'gated', feature: 'requests', type: 'metered', usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: allowance } });
      };

      it('a check at t counts the events stamped at t: check + ingest + check with a fixed clock never over-spends', async () => {
        await gate(tg, 1);
        let served = 0;
        for (let i = 0; i < 3; i++) {
          if (!(await tg.entitlements.check('gated', 'requests', { quantity: 1 })).hasAccess) continue;
          served++;
          await tg.events.ingest({ id: `g-${i}`, source: 'gate', type: 'req', subject: 'gated-1' });
        }
        expect(served).toBe(1);
        expect(await tg.entitlements.check('gated', 'requests')).toMatchObject({ usage: '1', balance: '0', hasAccess: false, reason: 'limit_reached' });
        expect((await tg.entitlements.check('gated', 'requests', { at: clock.now() })).usage).toBe('1');
        expect((await tg.entitlements.check('gated', 'requests', { at: new Date(clock.now().getTime() - 1) })).usage).toBe('0');
      });

      it('an event at a period boundary belongs to the period that starts there, also for a check at that instant', async () => {
        await gate(tg, 5);
        await tg.events.ingest({ id: 'b-0', source: 'gate', type: 'req', subject: 'gated-1', time: '2024-03-31T23:59:59.999Z' });
        await tg.events.ingest({ id: 'b-1', source: 'gate', type: 'req', subject: 'gated-1', time: '2024-04-01T00:00:00Z' });
        clock.set('2024-04-02T00:00:00Z');
        expect((await tg.entitlements.check('gated', 'requests', { at: '2024-03-31T23:59:59.999Z' })).usage).toBe('1');
        expect((await tg.entitlements.check('gated', 'requests', { at: '2024-04-01T00:00:00Z' })).usage).toBe('1');
        expect((await tg.entitlements.check('gated', 'requests')).usage).toBe('1');
      });

      it('an event stamped in the future counts from its time on, not before; events around it count as they come', async () => {
        await gate(tg, 10);
        const t0 = clock.now().getTime();
        const ev = (id: string, ms?: number) => ({ id, source: 'gate', type: 'req', subject: 'gated-1', ...(ms !== undefined && { time: new Date(ms) }) });
        await tg.events.ingest(ev('f-1', t0 + 3_600_000));
        expect((await tg.entitlements.check('gated', 'requests')).usage).toBe('0');
        await tg.events.ingest(ev('f-2'));
        expect((await tg.entitlements.check('gated', 'requests')).usage).toBe('1');
        expect((await tg.entitlements.check('gated', 'requests', { at: new Date(t0 + 3_599_999) })).usage).toBe('1');
        expect((await tg.entitlements.check('gated', 'requests', { at: new Date(t0 + 3_600_000) })).usage).toBe('2');
        await tg.events.ingest(ev('f-3', t0 + 7_200_000));
        clock.set(new Date(t0 + 3_600_000));
        expect((await tg.entitlements.check('gated', 'requests')).usage).toBe('2');
        await tg.events.ingest(ev('f-4'));
        expect((await tg.entitlements.check('gated', 'requests')).usage).toBe('3');
        clock.set(new Date(t0 + 7_300_000));
        await tg.events.ingest(ev('f-5'));
        expect((await tg.entitlements.check('gated', 'requests')).usage).toBe('5');
      });

      it('with the real clock, 1,000 checks made right after an ingest all see it', async () => {
        const made = await makeStorage();
        const real = createTollgate({ storage: made.storage });
        try {
          await real.migrate();
          await gate(real, 1_000_000);
          let missed = 0;
          for (let i = 0; i < 1000; i++) {
            await real.events.ingest({ id: `r-${i}`, source: 'gate', type: 'req', subject: 'gated-1' });
            if ((await real.entitlements.check('gated', 'requests')).usage !== String(i + 1)) missed++;
          }
          expect(missed).toBe(0);
        } finally {
          await real.close();
          await made.teardown?.();
        }
      });
    });

    describe('far instants', () => {
      it('check, access, consume and history answer at once: beyond ten years ahead is a ValidationError naming the field', async () => {
        const e = await metered({ issueAfterReset: { amount: 100 } });
        await tg.grants.create({ entitlement: e.id }, { amount: 10, priority: 3, recurrence: { interval: 'P1M', anchor: '2024-03-01T00:00:00Z' } });
        for (let g = 0; g < 3; g++) await tg.grants.create({ entitlement: e.id }, { amount: 5, priority: 4 + g });
        await use('acme-1', 3, '2024-03-01T00:00:00Z');
        const far = '9999-12-31T00:00:00Z';
        const started = Date.now();
        expect(paths(await errorOf(tg.entitlements.check('acme', 'api', { at: far })))).toEqual(['at']);
        expect(paths(await errorOf(tg.entitlements.access('acme', { at: far })))).toEqual(['at']);
        expect(paths(await errorOf(tg.entitlements.history(e.id, { from: '2024-03-01T00:00:00Z', to: far, windowSize: 'MONTH' })))).toEqual(['to']);
        expect(paths(await errorOf(tg.entitlements.consume('acme', 'api', { event: { id: 'far', source: 'test', type: 'call', subject: 'acme-1', data: { n: 1, model: 'gpt' } }, at: far })))).toEqual(['at']);
        expect(paths(await errorOf(tg.entitlements.consume('acme', 'api', { event: { id: 'far', source: 'test', type: 'call', subject: 'acme-1', time: far, data: { n: 1, model: 'gpt' } } })))).toEqual(['event.time']);
        expect(Date.now() - started).toBeLessThan(2000);
        // Ten years ahead is answered: 120 monthly refills and resets replayed.
        expect(await tg.entitlements.check('acme', 'api', { at: '2034-02-15T00:00:00Z' })).toMatchObject({ hasAccess: true, usage: '0' });
      });
    });

    describe('consume', () => {
      const quota = async (allowance: number, extra: Record<string, unknown> = {}) => {
        await tg.meters.create({ key: 'hits', eventType: 'hit', aggregation: 'COUNT' });
        await tg.features.create({ key: 'quota', meterKey: 'hits' });
        await tg.entitlements.create({ customer: 'acme', feature: 'quota', type: 'metered', usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: allowance }, ...extra });
      };
      const hit = (id: string, subject = 'acme-1') => ({ id, source: 'gate', type: 'hit', subject });

      it('100 concurrent consumes of 1 on an allowance of 10: exactly 10 consumed and stored', async () => {
        await quota(10);
        const results = await Promise.all(Array.from({ length: 100 }, (_, i) => tg.entitlements.consume('acme', 'quota', { event: hit(`c-${i}`) })));
        expect(results.filter((r) => r.consumed)).toHaveLength(10);
        expect(results.filter((r) => !r.consumed).every((r) => r.reason === 'limit_reached' && r.quantity === '1' && !r.duplicate)).toBe(true);
        expect((await tg.events.list({ type: 'hit', limit: 1000 })).items).toHaveLength(10);
        expect(await tg.entitlements.check('acme', 'quota')).toMatchObject({ usage: '10', balance: '0', hasAccess: false });
      });

      it('a soft limit consumes all 100', async () => {
        await quota(10, { isSoftLimit: true });
        const results = await Promise.all(Array.from({ length: 100 }, (_, i) => tg.entitlements.consume('acme', 'quota', { event: hit(`s-${i}`) })));
        expect(results.every((r) => r.consumed && r.hasAccess)).toBe(true);
        expect(await tg.entitlements.check('acme', 'quota')).toMatchObject({ usage: '100', overage: '90' });
      });

      it('answers the decision with the state after it; idempotent by (source, id)', async () => {
        await quota(2);
        expect(await tg.entitlements.consume('acme', 'quota', { event: hit('a') })).toMatchObject({ feature: 'quota', type: 'metered', hasAccess: true, consumed: true, duplicate: false, quantity: '1', usage: '1', balance: '1' });
        expect(await tg.entitlements.consume('acme', 'quota', { event: hit('a') })).toMatchObject({ consumed: true, duplicate: true, quantity: '1', usage: '1', balance: '1' });
        const last = await tg.entitlements.consume('acme', 'quota', { event: hit('b') });
        expect(last).toMatchObject({ hasAccess: true, consumed: true, usage: '2', balance: '0' });
        expect(last.reason).toBeUndefined();
        // Exhausted: a repeat of a consumed event is still a duplicate; a new one is denied and not stored, so its retry is decided again.
        expect(await tg.entitlements.consume('acme', 'quota', { event: hit('b') })).toMatchObject({ consumed: true, duplicate: true, usage: '2' });
        expect(await tg.entitlements.consume('acme', 'quota', { event: hit('c') })).toMatchObject({ hasAccess: false, reason: 'limit_reached', consumed: false, duplicate: false, usage: '2' });
        expect(await tg.entitlements.consume('acme', 'quota', { event: hit('c') })).toMatchObject({ consumed: false, duplicate: false });
        // An event ingested directly is a duplicate too.
        await tg.events.ingest(hit('d'));
        expect(await tg.entitlements.consume('acme', 'quota', { event: hit('d') })).toMatchObject({ consumed: true, duplicate: true, usage: '3' });
      });

      it('counts through the meter and the feature filters; SUM consumes its value', async () => {
        await tg.entitlements.create({ customer: 'acme', feature: 'gpt', type: 'metered', usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: 10 } });
        const call = (id: string, n: number | string, model: string) => ({ event: { id, source: 'gate', type: 'call', subject: 'acme-2', data: { n, model } } });
        expect(await tg.entitlements.consume('acme', 'gpt', call('g1', 4, 'gpt'))).toMatchObject({ consumed: true, quantity: '4', usage: '4', balance: '6' });
        expect(await tg.entitlements.consume('acme', 'gpt', call('g2', 7, 'gpt'))).toMatchObject({ consumed: false, quantity: '7', reason: 'limit_reached', usage: '4' });
        expect(await tg.entitlements.consume('acme', 'gpt', call('g3', 50, 'llama'))).toMatchObject({ consumed: true, quantity: '0', usage: '4' });
        expect(await tg.entitlements.consume('acme', 'gpt', call('g4', '5.5', 'gpt'))).toMatchObject({ consumed: true, quantity: '5.5', usage: '9.5', balance: '0.5' });
      });

      it('without a metered entitlement nothing is consumed; bad input is typed and writes nothing', async () => {
        expect(await tg.entitlements.consume('acme', 'sso', { event: hit('x') })).toEqual({ feature: 'sso', hasAccess: false, reason: 'no_entitlement', consumed: false, quantity: '0', duplicate: false });
        await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
        expect(await tg.entitlements.consume('acme', 'sso', { event: hit('x') })).toMatchObject({ hasAccess: true, consumed: false });
        await quota(5);
        expect(paths(await errorOf(tg.entitlements.consume('acme', 'quota', { event: { id: 'y', source: 'gate', type: 'hit' } as never })))).toEqual(['event.subject']);
        expect(paths(await errorOf(tg.entitlements.consume('acme', 'quota', { event: hit('y', 'beta-1') })))).toEqual(['event.subject']);
        expect(paths(await errorOf(tg.entitlements.consume('acme', 'quota', { event: hit('y'), at: 'soon' })))).toEqual(['at']);
        expect(paths(await errorOf(tg.entitlements.consume('acme', 'quota', {} as never)))).toEqual(['event']);
        expect(await errorOf(tg.entitlements.consume('nobody', 'quota', { event: hit('y') }))).toBeInstanceOf(NotFoundError);
        await tg.meters.create({ key: 'level', eventType: 'lvl', aggregation: 'LATEST', valueProperty: '$.v' });
        await tg.features.create({ key: 'storage', meterKey: 'level' });
        await tg.entitlements.create({ customer: 'acme', feature: 'storage', type: 'metered', usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: 5 } });
        expect(await errorOf(tg.entitlements.consume('acme', 'storage', { event: { id: 'l', source: 'gate', type: 'lvl', subject: 'acme-1', data: { v: 1 } } }))).toMatchObject({ reason: 'not_additive' });
        expect((await tg.events.list({ limit: 100 })).items).toHaveLength(0);
      });
    });

    describe('grants', () => {
      it('refuses bad grants with typed errors and writes nothing', async () => {
        const e = await metered();
        const b = await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
        expect(paths(await errorOf(tg.grants.create({ entitlement: b.id }, { amount: 1 })))).toEqual(['entitlement']);
        expect(paths(await errorOf(tg.grants.create({ entitlement: e.id }, { amount: -1, priority: 256 })))).toEqual(['amount', 'priority']);
        expect(paths(await errorOf(tg.grants.create({ entitlement: e.id }, { amount: 1, priority: 0 })))).toEqual(['priority']);
        expect(paths(await errorOf(tg.grants.create({ entitlement: e.id }, { amount: 1, effectiveAt: '2024-03-05T00:00:00Z', expiresAt: '2024-03-04T00:00:00Z' })))).toEqual(['expiresAt']);
        expect(paths(await errorOf(tg.grants.create({ entitlement: e.id }, { amount: 10, minRolloverAmount: 20 })))).toEqual(['minRolloverAmount']);
        expect(await errorOf(tg.grants.create({ customer: 'beta', feature: 'api' }, { amount: 1 }))).toBeInstanceOf(NotFoundError);
        expect((await tg.grants.list({ includeVoided: true })).items).toEqual([]);
      });

      it('void takes effect at its instant, may be backdated inside the period, not before it nor in the future', async () => {
        const e = await metered();
        const g = await tg.grants.create({ entitlement: e.id }, { amount: 50, effectiveAt: '2024-03-01T00:00:00Z' });
        clock.set('2024-03-10T00:00:00Z');
        expect(paths(await errorOf(tg.grants.void(g.id, { at: '2024-03-11T00:00:00Z' })))).toEqual(['at']);
        expect(paths(await errorOf(tg.grants.void(g.id, { at: '2024-02-28T00:00:00Z' })))).toEqual(['at']);
        await tg.grants.void(g.id, { at: '2024-03-05T00:00:00Z' });
        expect((await tg.entitlements.check('acme', 'api')).balance).toBe('0');
        expect((await tg.entitlements.check('acme', 'api', { at: '2024-03-04T00:00:00Z' })).balance).toBe('50');
        expect(await errorOf(tg.grants.void(g.id))).toBeInstanceOf(StateError);
        expect((await tg.grants.list({ customer: 'acme' })).items).toEqual([]);
        expect((await tg.grants.list({ customer: 'acme', includeVoided: true })).items[0]?.voidedAt).toEqual(new Date('2024-03-05T00:00:00Z'));
      });
    });

    describe('reset', () => {
      it('refuses resets in the future or before the current period start; rolls over and re-anchors', async () => {
        const e = await metered();
        await tg.grants.create({ entitlement: e.id }, { amount: 100, effectiveAt: '2024-03-01T00:00:00Z', maxRolloverAmount: 40 });
        await use('acme-1', 30, '2024-03-02T00:00:00Z');
        clock.set('2024-03-10T00:00:00Z');
        expect(paths(await errorOf(tg.entitlements.reset(e.id, { at: '2024-03-11T00:00:00Z' })))).toEqual(['at']);
        expect(paths(await errorOf(tg.entitlements.reset(e.id, { at: '2024-02-29T00:00:00Z' })))).toEqual(['at']);
        const seen: string[] = [];
        tg.on('entitlement.reset', (r) => seen.push(r.at.toISOString()));
        await tg.entitlements.reset(e.id, { at: '2024-03-08T00:00:00Z' });
        expect(seen).toEqual(['2024-03-08T00:00:00.000Z']);
        expect(await tg.entitlements.check('acme', 'api')).toMatchObject({ balance: '40', usage: '0', currentUsagePeriod: { from: new Date('2024-03-08T00:00:00Z'), to: new Date('2024-04-08T00:00:00Z') } });
        expect(paths(await errorOf(tg.entitlements.reset(e.id, { at: '2024-03-07T00:00:00Z' })))).toEqual(['at']);
        const b = await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
        expect(await errorOf(tg.entitlements.reset(b.id))).toBeInstanceOf(StateError);
      });
    });

    describe('history', () => {
      it('gives windowed usage with the balance at each window start, and the burn-down segments', async () => {
        const e = await metered();
        await tg.grants.create({ entitlement: e.id }, { amount: 100, effectiveAt: '2024-03-01T00:00:00Z', priority: 2 });
        await tg.grants.create({ entitlement: e.id }, { amount: 10, effectiveAt: '2024-03-02T00:00:00Z', priority: 1 });
        await use('acme-1', 30, '2024-03-01T12:00:00Z');
        await use('acme-1', 20, '2024-03-02T12:00:00Z');
        clock.set('2024-03-05T00:00:00Z');
        const h = await tg.entitlements.history(e.id, { from: '2024-03-01T00:00:00Z', to: '2024-03-04T00:00:00Z', windowSize: 'DAY' });
        expect(h.windowedHistory.map((w) => [w.from.toISOString().slice(0, 10), w.usage, w.balanceAtStart])).toEqual([
          ['2024-03-01', '30', '100'],
          ['2024-03-02', '20', '80'],
          ['2024-03-03', '0', '60'],
        ]);
        expect(h.burndownHistory.map((s) => [s.period.from.toISOString().slice(0, 10), s.usage, s.grantUsages.length])).toEqual([
          ['2024-03-01', '30', 1],
          ['2024-03-02', '20', 2],
        ]);
        expect(paths(await errorOf(tg.entitlements.history(e.id, { from: '2024-03-04T00:00:00Z', to: '2024-03-01T00:00:00Z', windowSize: 'DAY' })))).toEqual(['to']);
      });

      it('refuses more windows than a meter query allows, at once (a MINUTE history from 1970 to 9999)', async () => {
        const e = await metered();
        const error = await errorOf(tg.entitlements.history(e.id, { from: '1970-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z', windowSize: 'MINUTE' }));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((i) => i.code)).toEqual(['too_many_windows']);
      });
    });

    describe('notifications', () => {
      it('fires thresholds and depleted grants once per period, in-process and in the outbox (poll / ack)', async () => {
        const e = await metered({ thresholds: [{ type: 'usage_percentage', value: 80 }, { type: 'balance', value: 0 }] });
        const g = await tg.grants.create({ entitlement: e.id }, { amount: 100, effectiveAt: '2024-03-01T00:00:00Z' });
        const seen: string[] = [];
        tg.on('entitlement.threshold', (t) => seen.push(`${t.threshold.type}:${t.threshold.value}`));
        tg.on('grant.depleted', (d) => seen.push(`depleted:${d.grantId === g.id}`));
        clock.set('2024-03-02T00:00:00Z');
        await use('acme-1', 50, '2024-03-01T10:00:00Z');
        expect(seen).toEqual([]);
        await use('acme-1', 35, '2024-03-01T11:00:00Z');
        expect(seen).toEqual(['usage_percentage:80']);
        await use('acme-1', 5, '2024-03-01T12:00:00Z');
        await use('acme-1', 20, '2024-03-01T13:00:00Z');
        expect(seen).toEqual(['usage_percentage:80', 'balance:0', 'depleted:true']);
        await use('acme-1', 20, '2024-03-01T14:00:00Z');
        expect(seen).toHaveLength(3);
        const polled = await tg.notifications.poll();
        expect(polled.map((p) => p.type)).toEqual(['entitlement.threshold', 'entitlement.threshold', 'grant.depleted']);
        expect(polled[0]?.payload).toMatchObject({ entitlementId: e.id, feature: 'api', usagePeriodStart: new Date('2024-03-01T00:00:00Z') });
        expect(await tg.notifications.ack([polled[0]!.id, polled[1]!.id])).toEqual({ acknowledged: 2 });
        expect((await tg.notifications.poll({ limit: 10 })).map((p) => p.id)).toEqual([polled[2]!.id]);
        clock.set('2024-04-02T00:00:00Z');
        await tg.grants.create({ entitlement: e.id }, { amount: 10 });
        await use('acme-1', 9, '2024-04-02T00:00:00Z');
        expect(seen.slice(3)).toEqual(['usage_percentage:80']);
      });

      it('a notification whose cause failed is neither written nor emitted', async () => {
        const e = await metered({ thresholds: [{ type: 'usage', value: 1 }] });
        await tg.grants.create({ entitlement: e.id }, { amount: 100, effectiveAt: '2024-03-01T00:00:00Z' });
        const error = await errorOf(tg.grants.create({ entitlement: e.id }, { amount: 1, priority: 999 }));
        expect(error).toBeInstanceOf(ValidationError);
        expect(await tg.notifications.poll()).toEqual([]);
        expect(paths(await errorOf(tg.notifications.poll({ limit: 0 })))).toEqual(['limit']);
      });
    });
  });
}
