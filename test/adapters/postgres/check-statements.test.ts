import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresPool, postgresStorage } from 'tollgate/adapters/postgres';
import { createTollgate, type Tollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

/** What a pg pool connection is sent: the statement text, and the prepared name when there is one. */
interface Sent {
  text: string;
  name?: string;
}

/**
 * A pg `Pool` look-alike over PGlite that records every statement its connections are sent: enough
 * for the adapter's pool path (lazy BEGIN, scripts, named prepared statements).
 */
function recordingPool(db: PGlite, sent: Sent[]): PostgresPool {
  const connection = {
    query: async (textOrConfig: string | { name: string; text: string; values: unknown[] }, params?: unknown[]): Promise<{ rows: unknown[] }> => {
      if (typeof textOrConfig === 'string') {
        sent.push({ text: textOrConfig });
        if (params === undefined) {
          // Like pg: one result for one statement, an array of them for a script.
          const results = await db.exec(textOrConfig);
          return (results.length === 1 ? results[0]! : results) as unknown as { rows: unknown[] };
        }
        return db.query(textOrConfig, params);
      }
      sent.push({ text: textOrConfig.text, name: textOrConfig.name });
      return db.query(textOrConfig.text, textOrConfig.values);
    },
    release: () => undefined,
  };
  return { idleCount: 0, connect: async () => connection, query: (text, params) => connection.query(text, params) };
}

describe('Postgres checks on a pool', () => {
  const sent: Sent[] = [];
  let db: PGlite;
  let tg: Tollgate;
  const clock = new TestClock(new Date('2024-03-10T00:00:00Z'));

  beforeAll(async () => {
    db = await PGlite.create();
    tg = createTollgate({ storage: postgresStorage({ client: recordingPool(db, sent) }), clock });
    await tg.migrate();
    await tg.meters.create({ key: 'calls', eventType: 'api.call', aggregation: 'COUNT' });
    await tg.features.create({ key: 'api', meterKey: 'calls' });
    await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
    await tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'metered', usagePeriod: { interval: 'P1M', anchor: new Date('2024-03-01T00:00:00Z') } });
    await tg.grants.create({ customer: 'acme', feature: 'api' }, { amount: 100, effectiveAt: new Date('2024-03-01T00:00:00Z') });
    await tg.events.ingest([1, 2, 3].map((i) => ({ id: `c${i}`, source: 'api', type: 'api.call', subject: 'acme-prod', time: '2024-03-05T00:00:00Z' })));
  });
  afterAll(async () => {
    await tg.close();
    await db.close();
  });

  it('reads with one prepared statement and no BEGIN or COMMIT once the checkpoint is stored', async () => {
    // In the next usage period the stored checkpoint no longer applies: the first check there
    // rebuilds and stores it, in a transaction opened after its read.
    clock.set(new Date('2024-04-02T00:00:00Z'));
    sent.length = 0;
    const first = await tg.entitlements.check('acme', 'api');
    expect(first).toMatchObject({ hasAccess: true, usage: '0' });
    expect(sent[0]?.name).toBe('tollgate_check_target');
    expect(sent.slice(1).some((s) => s.text.startsWith('BEGIN'))).toBe(true);
    expect(sent.at(-1)?.text).toBe('COMMIT');

    sent.length = 0;
    expect(await tg.entitlements.check('acme', 'api')).toEqual(first);
    expect(sent).toEqual([{ text: expect.stringContaining('tg_usage_tails') as unknown as string, name: 'tollgate_check_target' }]);
  });

  it('sees usage ingested after the checkpoint was stored', async () => {
    const before = await tg.entitlements.check('acme', 'api');
    await tg.events.ingest({ id: 'c4', source: 'api', type: 'api.call', subject: 'acme-prod', time: '2024-04-01T12:00:00Z' });
    sent.length = 0;
    const after = await tg.entitlements.check('acme', 'api');
    expect({ usage: after.usage, balance: after.balance }).toEqual({ usage: '1', balance: String(Number(before.balance) - 1) });
    expect(sent.map((s) => s.name ?? s.text)).toEqual(['tollgate_check_target']);
  });
});

describe('Postgres checks in the gate loop', () => {
  const sent: Sent[] = [];
  let db: PGlite;
  let tg: Tollgate;
  const clock = new TestClock(new Date('2024-03-10T00:00:00Z'));
  const hit = (id: string, time?: Date) => ({ id, source: 'api', type: 'api.call', subject: 'acme-prod', ...(time && { time }) });

  beforeAll(async () => {
    db = await PGlite.create();
    tg = createTollgate({ storage: postgresStorage({ client: recordingPool(db, sent) }), clock });
    await tg.migrate();
    await tg.meters.create({ key: 'calls', eventType: 'api.call', aggregation: 'COUNT' });
    await tg.features.create({ key: 'api', meterKey: 'calls' });
    await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
    await tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'metered', usagePeriod: { interval: 'P1M', anchor: new Date('2024-03-01T00:00:00Z') } });
    for (let g = 0; g < 5; g++) await tg.grants.create({ customer: 'acme', feature: 'api' }, { amount: 100, priority: 1 + g, effectiveAt: new Date('2024-03-01T00:00:00Z') });
    await tg.entitlements.check('acme', 'api');
  });
  afterAll(async () => {
    await tg.close();
    await db.close();
  });

  const onlyTheRead = () => expect(sent).toEqual([{ text: expect.stringContaining('tg_usage_tails') as unknown as string, name: 'tollgate_check_target' }]);

  it('a check right after an ingest stamped now reads the checkpoint: one statement', async () => {
    for (let i = 0; i < 5; i++) {
      await tg.events.ingest(hit(`now-${i}`));
      sent.length = 0;
      expect((await tg.entitlements.check('acme', 'api')).usage).toBe(String(i + 1));
      onlyTheRead();
    }
  });

  it('after an event stamped an hour ahead, every check until then still reads the checkpoint; the first one after it rebuilds once', async () => {
    const t0 = clock.now().getTime();
    await tg.events.ingest(hit('ahead', new Date(t0 + 3_600_000)));
    for (let i = 0; i < 5; i++) {
      await tg.events.ingest(hit(`gate-${i}`));
      sent.length = 0;
      expect((await tg.entitlements.check('acme', 'api')).usage).toBe(String(6 + i));
      onlyTheRead();
      clock.advance(60_000);
    }
    clock.set(new Date(t0 + 3_600_000));
    sent.length = 0;
    expect((await tg.entitlements.check('acme', 'api')).usage).toBe('11');
    expect(sent.length).toBeGreaterThan(1);
    await tg.events.ingest(hit('after'));
    sent.length = 0;
    expect((await tg.entitlements.check('acme', 'api')).usage).toBe('12');
    onlyTheRead();
  });
});

describe('Postgres checks on a subscription-managed entitlement', () => {
  const sent: Sent[] = [];
  let db: PGlite;
  let tg: Tollgate;
  const clock = new TestClock(new Date('2024-03-01T00:00:00Z'));

  beforeAll(async () => {
    db = await PGlite.create();
    tg = createTollgate({ storage: postgresStorage({ client: recordingPool(db, sent) }), clock });
    await tg.migrate();
    await tg.meters.create({ key: 'calls', eventType: 'api.call', aggregation: 'COUNT' });
    await tg.features.create({ key: 'api', meterKey: 'calls' });
    await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
    await tg.plans.create({
      key: 'pro', name: 'Pro', currency: 'USD', billingCadence: 'P1M',
      phases: [{ key: 'default', rateCards: [{ key: 'api', type: 'usage_based', feature: 'api', billingCadence: 'P1M',
        price: { type: 'unit', amount: '0.01' }, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 100 } } }] }],
    });
    await tg.plans.publish('pro');
    await tg.subscriptions.create({ customer: 'acme', plan: 'pro' });
    clock.set(new Date('2024-03-10T00:00:00Z'));
    await tg.events.ingest([1, 2, 3].map((i) => ({ id: `c${i}`, source: 'api', type: 'api.call', subject: 'acme-prod', time: '2024-03-05T00:00:00Z' })));
  });
  afterAll(async () => {
    await tg.close();
    await db.close();
  });

  it('stays on the fast path: one prepared statement, as for a manual entitlement', async () => {
    const first = await tg.entitlements.check('acme', 'api');
    expect(first).toMatchObject({ hasAccess: true, usage: '3', balance: '97' });
    sent.length = 0;
    expect(await tg.entitlements.check('acme', 'api')).toEqual(first);
    expect(sent).toEqual([{ text: expect.stringContaining('tg_usage_tails') as unknown as string, name: 'tollgate_check_target' }]);
  });
});
