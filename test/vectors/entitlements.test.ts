import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type EntitlementCreateInput, type EntitlementValue, type Storage, createTollgate } from 'tollgate';
import { memoryStorage } from 'tollgate/adapters/memory';
import { postgresStorage } from 'tollgate/adapters/postgres';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { TestClock } from 'tollgate/testing';

interface Scenario {
  name: string;
  arithmetic: string;
  start: string;
  aggregation?: 'SUM' | 'COUNT' | 'LATEST';
  entitlement?: Record<string, unknown> & { type: 'metered' | 'boolean' | 'static' };
  grants?: Array<Record<string, unknown> & { voidAt?: string }>;
  resets?: Array<{ at: string; retainAnchor?: boolean; preserveOverage?: boolean }>;
  usage?: Array<{ at: string; value: string | number }>;
  checks: Array<{ at: string; quantity?: string | number; expect: Record<string, unknown> }>;
}

const file = JSON.parse(readFileSync(new URL('./entitlements.json', import.meta.url), 'utf8')) as { scenarios: Scenario[] };

/** Replays a scenario through the facade and returns each check's value, historical and at now. */
async function replay(s: Scenario, storage: Storage): Promise<Array<{ historical: EntitlementValue; live: EntitlementValue }>> {
  const clock = new TestClock(s.start);
  const tg = createTollgate({ storage, clock });
  await tg.migrate();
  await tg.meters.create({ key: 'units', eventType: 'unit', aggregation: s.aggregation ?? 'SUM', ...(s.aggregation !== 'COUNT' && { valueProperty: '$.value' }) });
  await tg.features.create({ key: 'feature', meterKey: 'units' });
  await tg.customers.create({ key: 'customer', subjectKeys: ['subject'] });
  const e = s.entitlement && (await tg.entitlements.create({ customer: 'customer', feature: 'feature', ...s.entitlement } as EntitlementCreateInput));
  const voids: Array<{ id: string; at: string }> = [];
  for (const { voidAt, ...grant } of s.grants ?? []) {
    const created = await tg.grants.create({ entitlement: e!.id }, grant as never);
    if (voidAt !== undefined) voids.push({ id: created.id, at: voidAt });
  }
  if ((s.usage ?? []).length > 0) {
    await tg.events.ingest((s.usage ?? []).map((u, i) => ({ id: `u${i}`, source: 'vectors', type: 'unit', subject: 'subject', time: u.at, data: { value: u.value } })));
  }
  const changes = [...voids.map((v) => ({ at: v.at, run: () => tg.grants.void(v.id, { at: v.at }) })), ...(s.resets ?? []).map((r) => ({ at: r.at, run: () => tg.entitlements.reset(e!.id, r) }))];
  for (const change of changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    clock.set(change.at);
    await change.run();
  }
  const last = Math.max(...[s.start, ...s.checks.map((c) => c.at), ...changes.map((c) => c.at)].map((t) => Date.parse(t)));
  const out = [];
  for (const c of s.checks) {
    const options = { at: c.at, ...(c.quantity !== undefined && { quantity: c.quantity }) };
    clock.set(new Date(last + 1));
    const historical = await tg.entitlements.check('customer', 'feature', options);
    clock.set(c.at);
    const live = await tg.entitlements.check('customer', 'feature', c.quantity === undefined ? {} : { quantity: c.quantity });
    out.push({ historical, live });
  }
  await tg.close();
  return out;
}

function picked(value: EntitlementValue, expected: Record<string, unknown>): Record<string, unknown> {
  const actual: Record<string, unknown> = {
    ...value,
    currentUsagePeriod: value.currentUsagePeriod && { from: value.currentUsagePeriod.from.toISOString(), to: value.currentUsagePeriod.to.toISOString() },
  };
  return Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]]));
}

function normalized(expected: Record<string, unknown>): Record<string, unknown> {
  const period = expected.currentUsagePeriod as { from: string; to: string } | undefined;
  return period ? { ...expected, currentUsagePeriod: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() } } : expected;
}

async function expectScenario(s: Scenario, storage: Storage): Promise<void> {
  const values = await replay(s, storage);
  s.checks.forEach((c, i) => {
    const wanted = normalized(c.expect);
    expect(picked(values[i]!.historical, wanted), `${s.name}: check ${i} (historical)`).toEqual(wanted);
    expect(picked(values[i]!.live, wanted), `${s.name}: check ${i} (at now)`).toEqual(wanted);
  });
}

describe('entitlement vectors through the facade', () => {
  it('has at least 40 scenarios, each with its arithmetic written out and a unique name', () => {
    expect(file.scenarios.length).toBeGreaterThanOrEqual(40);
    for (const s of file.scenarios) expect(s.arithmetic.length, s.name).toBeGreaterThan(20);
    expect(new Set(file.scenarios.map((s) => s.name)).size).toBe(file.scenarios.length);
  });

  describe('memory', () => {
    it.each(file.scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
      await expectScenario(s, memoryStorage());
    });
  });

  const subset = file.scenarios.filter((_, i) => i % 4 === 0);

  describe('SQLite (a subset)', () => {
    it.each(subset.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
      const database = new Database(':memory:');
      try {
        await expectScenario(s, sqliteStorage({ database }));
      } finally {
        database.close();
      }
    });
  });

  describe('Postgres via PGlite (a subset)', () => {
    let db: PGlite | undefined;
    let n = 0;
    afterAll(async () => {
      await db?.close();
    });
    it.each(subset.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
      db ??= await PGlite.create();
      const schema = `vectors_${n++}`;
      await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      await expectScenario(s, postgresStorage({ client: db }));
    });
  });
});
