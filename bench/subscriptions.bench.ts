/**
 * Subscriptions benchmark (issue 11).
 *
 *   npx tsx bench/subscriptions.bench.ts            # full sizes
 *   npx tsx bench/subscriptions.bench.ts --quick    # small sizes, a smoke run
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/subscriptions.bench.ts   # + Postgres
 *
 * - Timeline: `subscriptionTimeline` (pure) for a 3-phase plan with 10 edits over 3 years, listing
 *   every billing period of the 3 years; ops/s over repeated calls.
 * - Create: `tg.subscriptions.create` on a plan with 5 rate cards, 3 of them with entitlement
 *   templates (2 metered, 1 boolean), one new customer per subscription (created beforehand); the
 *   rate is subscriptions per second, each a full facade call (validation, one transaction: plan
 *   resolution, timeline, conflict rule, 3 entitlements and 2 grants, the subscription with its
 *   phase and 5 items, an outbox row).
 * - Check: one store holding a customer with a manual metered entitlement and another whose equal
 *   entitlement a subscription provisioned, the same events for both; `check()` on each, interleaved
 *   (which goes first alternating); the figure is the ratio of the medians, subscription / manual.
 */
import { fileURLToPath } from 'node:url';
import { subscriptionTimeline, type RateCard, type SubscriptionEdit, type TimelinePlan } from '../src/core';
import { type EventInput, type Storage, type Tollgate, createTollgate } from '../src';
import { TestClock } from '../src/testing';
import { fmt, median, openMemory, openPostgresSchema, openSqliteFile } from './support';

/** One figure of the benchmark. */
export interface SubscriptionsBenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
}

interface Target {
  name: string;
  open(): Promise<{ storage: Storage; close(): Promise<void> }>;
}

function targets(databaseUrl: string | undefined): Target[] {
  const list: Target[] = [
    { name: 'memory', open: openMemory },
    { name: 'SQLite file (WAL, synchronous FULL)', open: () => openSqliteFile('tollgate-sub-bench-', 'FULL') },
    { name: 'SQLite file (WAL, synchronous NORMAL)', open: () => openSqliteFile('tollgate-sub-bench-', 'NORMAL') },
  ];
  if (databaseUrl) {
    let n = 0;
    list.push({ name: 'Postgres', open: () => openPostgresSchema(databaseUrl, `tg_bench_sub_${process.pid}_${n++}`) });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Timeline

const card = (key: string, amount: string, feature?: string): RateCard =>
  feature === undefined
    ? { key, type: 'flat_fee', billingCadence: 'P1M', price: { type: 'flat', amount } }
    : { key, type: 'usage_based', billingCadence: 'P1M', feature, price: { type: 'unit', amount }, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 1000 } } };

const THREE_PHASES: TimelinePlan = {
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'trial', duration: 'P14D', rateCards: [card('api', '0', 'api_calls')] },
    { key: 'intro', duration: 'P3M', rateCards: [card('platform', '15'), card('api', '0.01', 'api_calls')] },
    { key: 'default', rateCards: [card('platform', '30'), card('api', '0.01', 'api_calls'), card('support', '5')] },
  ],
};

/** Ten edits spread over the default phase: price overrides, an item added and removed. */
function tenEdits(): SubscriptionEdit[] {
  const at = (month: number) => new Date(Date.UTC(2024, 5 + month, 10));
  const edits: SubscriptionEdit[] = [];
  for (let i = 0; i < 8; i++) {
    edits.push({ at: at(i * 3), customizations: [{ op: 'override_price', phase: 'default', item: 'platform', price: { type: 'flat', amount: String(30 + i) } }] });
  }
  edits.splice(2, 0, { at: at(4), customizations: [{ op: 'add_item', phase: 'default', rateCard: card('priority', '5') }] });
  edits.splice(6, 0, { at: at(13), customizations: [{ op: 'remove_item', phase: 'default', item: 'priority' }] });
  return edits;
}

function timelineRate(iterations: number): number {
  const input = { plan: THREE_PHASES, activeFrom: '2024-01-15T00:00:00Z', billingAnchor: '2024-01-01T00:00:00Z', edits: tenEdits(), to: '2027-01-15T00:00:00Z' };
  const periods = subscriptionTimeline(input).billingPeriods.length;
  if (periods < 36) throw new Error(`expected 3 years of periods, got ${periods}`);
  for (let i = 0; i < Math.min(2000, iterations); i++) subscriptionTimeline(input);
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    for (let i = 0; i < iterations; i++) subscriptionTimeline(input);
    rates.push((iterations * 1000) / (performance.now() - t));
  }
  return median(rates);
}

// ---------------------------------------------------------------------------------------------
// Create

async function setupCatalog(tg: Tollgate): Promise<void> {
  await tg.meters.create({ key: 'api_calls', eventType: 'call', aggregation: 'COUNT' });
  await tg.meters.create({ key: 'tokens', eventType: 'tokens', aggregation: 'SUM', valueProperty: '$.n' });
  await tg.features.create({ key: 'api_calls', meterKey: 'api_calls' });
  await tg.features.create({ key: 'tokens', meterKey: 'tokens' });
  await tg.features.create({ key: 'sso' });
  await tg.plans.create({
    key: 'pro',
    name: 'Pro',
    currency: 'USD',
    billingCadence: 'P1M',
    phases: [
      {
        key: 'default',
        rateCards: [
          { key: 'platform', type: 'flat_fee', billingCadence: 'P1M', price: { type: 'flat', amount: '30' } },
          { key: 'setup', type: 'flat_fee', billingCadence: null, price: { type: 'flat', amount: '100' } },
          { key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price: { type: 'unit', amount: '0.01' }, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 10000 } } },
          { key: 'tokens', type: 'usage_based', feature: 'tokens', billingCadence: 'P1M', price: { type: 'unit', amount: '0.0001' }, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 1000000 } } },
          { key: 'sso', type: 'flat_fee', feature: 'sso', billingCadence: 'P1M', price: null, entitlementTemplate: { type: 'boolean' } },
        ],
      },
    ],
  } as never);
  await tg.plans.publish('pro');
}

async function createRate(target: Target, count: number, log: (line: string) => void): Promise<number> {
  const { storage, close } = await target.open();
  try {
    const tg = createTollgate({ storage, clock: new TestClock('2024-01-01T00:00:00Z') });
    await tg.migrate();
    await setupCatalog(tg);
    const warmup = Math.min(100, Math.floor(count / 10));
    for (let i = 0; i < count + warmup; i++) await tg.customers.create({ key: `c${i}`, subjectKeys: [`c${i}`] });
    for (let i = 0; i < warmup; i++) await tg.subscriptions.create({ customer: `c${count + i}`, plan: 'pro' });
    const t = performance.now();
    for (let i = 0; i < count; i++) await tg.subscriptions.create({ customer: `c${i}`, plan: 'pro' });
    const rate = (count * 1000) / (performance.now() - t);
    const sample = await tg.subscriptions.list({ customer: 'c0' });
    if (sample.items[0]?.phases[0]?.items.filter((i) => i.entitlementId !== null).length !== 3) throw new Error('expected 3 provisioned entitlements');
    log(`${target.name}: ${fmt(count)} subscriptions created, ${fmt(rate)}/s`);
    await tg.close();
    return rate;
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------
// Check: subscription-managed against manual

async function checkRatio(target: Target, events: number, operations: number, log: (line: string) => void): Promise<{ manualUs: number; managedUs: number; ratio: number }> {
  const { storage, close } = await target.open();
  try {
    const clock = new TestClock('2024-01-01T00:00:00Z');
    const tg = createTollgate({ storage, clock });
    await tg.migrate();
    await setupCatalog(tg);
    await tg.customers.create({ key: 'manual', subjectKeys: ['manual'] });
    await tg.customers.create({ key: 'managed', subjectKeys: ['managed'] });
    await tg.entitlements.create({ customer: 'manual', feature: 'api_calls', type: 'metered', usagePeriod: { interval: 'P1M', anchor: '2024-01-01T00:00:00Z' }, issueAfterReset: { amount: 10000 }, measureUsageFrom: '2024-01-01T00:00:00Z' });
    await tg.subscriptions.create({ customer: 'managed', plan: 'pro' });
    const size = 5_000;
    for (let b = 0; b * size < events; b++) {
      const count = Math.min(size, events - b * size);
      const batch: EventInput[] = [];
      for (let k = 0; k < count; k++) {
        const i = b * size + k;
        const time = new Date(Date.UTC(2024, 0, 1) + Math.floor((i / events) * 18 * 86_400_000));
        for (const subject of ['manual', 'managed']) batch.push({ id: `${subject}-${i}`, source: 'bench', type: 'call', subject, time });
      }
      await tg.events.ingest(batch);
    }
    clock.set('2024-01-20T00:00:00Z');
    const [a, b] = [await tg.entitlements.check('manual', 'api_calls'), await tg.entitlements.check('managed', 'api_calls')];
    if (a.usage !== b.usage || a.usage !== String(events)) throw new Error(`usage differs: ${a.usage} vs ${b.usage}`);
    const manual: number[] = [];
    const managed: number[] = [];
    for (let i = 0; i < operations + 200; i++) {
      const order = i % 2 === 0 ? (['manual', 'managed'] as const) : (['managed', 'manual'] as const);
      for (const who of order) {
        const t = performance.now();
        await tg.entitlements.check(who, 'api_calls');
        if (i >= 200) (who === 'manual' ? manual : managed).push(performance.now() - t);
      }
    }
    const manualUs = median(manual) * 1000;
    const managedUs = median(managed) * 1000;
    log(`${target.name}: check p50 manual ${manualUs.toFixed(1)} µs, subscription-managed ${managedUs.toFixed(1)} µs`);
    await tg.close();
    return { manualUs, managedUs, ratio: managedUs / manualUs };
  } finally {
    await close();
  }
}

/** Runs the subscriptions benchmarks; one row per figure. */
export async function runSubscriptionsBench(options: { quick?: boolean; databaseUrl?: string | undefined; log?: (line: string) => void } = {}): Promise<SubscriptionsBenchRow[]> {
  const quick = options.quick ?? false;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const rows: SubscriptionsBenchRow[] = [];
  rows.push({ name: 'subscriptionTimeline, 3 phases, 10 edits, 3 years', value: timelineRate(quick ? 2_000 : 20_000), unit: 'ops/s', target: '≥ 20,000' });
  for (const target of targets(options.databaseUrl ?? process.env.DATABASE_URL)) {
    const create = await createRate(target, quick ? 200 : 2_000, log);
    rows.push({ name: `${target.name}: subscriptions.create (5 cards, 3 templates)`, value: create, unit: '/s', target: target.name.startsWith('SQLite') ? '≥ 1,000' : '' });
    const check = await checkRatio(target, quick ? 2_000 : 10_000, quick ? 500 : 3_000, log);
    rows.push({ name: `${target.name}: check p50, manual entitlement`, value: check.manualUs, unit: 'µs', target: '' });
    rows.push({ name: `${target.name}: check p50, subscription-managed`, value: check.managedUs, unit: 'µs', target: '' });
    rows.push({ name: `${target.name}: check p50 ratio, managed / manual`, value: check.ratio, unit: '×', target: '≤ 1.10' });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runSubscriptionsBench({ quick: process.argv.includes('--quick') });
  console.table(rows.map((r) => ({ benchmark: r.name, result: r.unit === '×' ? `${r.value.toFixed(2)} ×` : `${r.value >= 100 ? fmt(r.value) : r.value.toFixed(2)} ${r.unit}`, target: r.target })));
}
