/**
 * Entitlements benchmark (issue 5): `check()` latency and ingest throughput with entitlements.
 *
 *   npx tsx bench/entitlements.bench.ts            # full sizes (minutes)
 *   npx tsx bench/entitlements.bench.ts --quick    # small sizes, a smoke run
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/tg_ent npx tsx bench/entitlements.bench.ts   # + Postgres
 *   npx tsx bench/entitlements.bench.ts --ingest --adapters=postgres   # (or --check; adapters by name prefix)
 *
 * Check: one customer with a metered entitlement (monthly period, 5 grants of different priorities
 * and expiries) on a SUM meter with two dimensions; N events of that customer in the current usage
 * period (N = 10,000 and 1,000,000; 10,000 and 100,000 with --quick), then `tg.entitlements.check`
 * at a fixed "now" (a TestClock) repeated; the figure is the median. Each check is a full facade
 * call: input validation, one transaction, the entitlement lookup and the burn-down.
 *
 * Ingest: batches of 1,000 events over 1,000 subjects (as bench/metering.bench.ts) into the same
 * meter, without entitlements and with 1,000 customers each holding a metered entitlement on the
 * meter: two stores per run, every batch ingested by both (interleaved, which goes first
 * alternating); the ratio is the median of the runs' ratios.
 */
import { fileURLToPath } from 'node:url';
import { fmt, interleavedRates, median, openMemory, openPostgresSchema, openSqliteFile } from './support';
import { type EventInput, type Storage, type Tollgate, createTollgate } from '../src';
import { TestClock } from '../src/testing';

/** One figure of the benchmark. */
export interface EntitlementsBenchRow {
  name: string;
  value: number;
  unit: string;
  /** The goal, e.g. `≤ 20 µs`. */
  target: string;
}

/** Options of {@link runEntitlementsBench}. */
export interface EntitlementsBenchOptions {
  quick?: boolean;
  /** A Postgres server (a schema of its own is created and dropped). Default: `DATABASE_URL`. */
  databaseUrl?: string | undefined;
  log?: (line: string) => void;
  /** Run only the check or only the ingest benchmarks. Default: both. */
  only?: 'all' | 'check' | 'ingest';
  /** The targets to run, by name prefix (`memory`, `SQLite`, `Postgres`). Default: all. */
  adapters?: readonly string[];
}

const METER = { key: 'tokens', eventType: 'llm.tokens', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model', region: '$.region' } } as const;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-70b'];
const REGIONS = ['us-east', 'eu-west', 'ap-south'];
const PERIOD_START = Date.UTC(2024, 5, 1);
const NOW = Date.UTC(2024, 5, 20);
const BATCH = 1_000;


interface Target {
  name: string;
  checkLimitUs: number;
  open(): Promise<{ storage: Storage; close(): Promise<void> }>;
}

function targets(databaseUrl: string | undefined): Target[] {
  const list: Target[] = [
    { name: 'memory', checkLimitUs: 20, open: openMemory },
    {
      name: 'SQLite file (WAL)',
      checkLimitUs: 200,
      open: () => openSqliteFile('tollgate-ent-bench-'),
    },
  ];
  if (databaseUrl) {
    let n = 0;
    list.push({
      name: 'Postgres',
      checkLimitUs: 1000,
      open: () => openPostgresSchema(databaseUrl, `tg_bench_ent_${process.pid}_${n++}`),
    });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Check latency

async function setupCheck(tg: Tollgate): Promise<void> {
  await tg.meters.create(METER);
  await tg.features.create({ key: 'ai', meterKey: METER.key });
  await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
  const e = await tg.entitlements.create({ customer: 'acme', feature: 'ai', type: 'metered', usagePeriod: { interval: 'P1M', anchor: new Date(PERIOD_START) } });
  for (let i = 0; i < 5; i++) {
    await tg.grants.create(
      { entitlement: e.id },
      { amount: 2_000_000_000 * (i + 1), priority: 1 + (i % 3), effectiveAt: new Date(PERIOD_START), ...(i % 2 === 0 && { expiresAt: new Date(Date.UTC(2024, 7, 1 + i)) }) },
    );
  }
}

/** `events` events of the customer, spread over the period up to now, in batches of 10,000. */
async function loadUsage(tg: Tollgate, events: number): Promise<void> {
  const size = 10_000;
  for (let b = 0; b * size < events; b++) {
    const count = Math.min(size, events - b * size);
    const batch: EventInput[] = Array.from({ length: count }, (_, k) => {
      const i = b * size + k;
      return {
        id: `u-${i}`,
        source: 'bench',
        type: METER.eventType,
        subject: 'acme-prod',
        time: new Date(PERIOD_START + Math.floor((i / events) * (NOW - PERIOD_START - 1))),
        data: { tokens: 1 + (i % 4000), model: MODELS[i % 4]!, region: REGIONS[i % 3]! },
      };
    });
    await tg.events.ingest(batch);
  }
}

async function checkP50(target: Target, events: number, operations: number, log: (line: string) => void): Promise<number> {
  const { storage, close } = await target.open();
  try {
    const clock = new TestClock(new Date(PERIOD_START));
    const tg = createTollgate({ storage, clock });
    await tg.migrate();
    await setupCheck(tg);
    const t = performance.now();
    await loadUsage(tg, events);
    log(`${target.name}: loaded ${fmt(events)} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    clock.set(new Date(NOW));
    const first = await tg.entitlements.check('acme', 'ai');
    if (first.usage === '0') throw new Error('the usage did not load');
    for (let i = 0; i < Math.min(1000, operations); i++) await tg.entitlements.check('acme', 'ai');
    const times: number[] = [];
    for (let i = 0; i < operations; i++) {
      const start = performance.now();
      await tg.entitlements.check('acme', 'ai');
      times.push(performance.now() - start);
    }
    await tg.close();
    return median(times) * 1000;
  } finally {
    await close();
  }
}

async function checkRows(target: Target, sizes: { small: number; large: number; operations: number }, log: (line: string) => void): Promise<EntitlementsBenchRow[]> {
  const small = await checkP50(target, sizes.small, sizes.operations, log);
  const large = await checkP50(target, sizes.large, sizes.operations, log);
  log(`${target.name} check p50: ${small.toFixed(1)} µs at ${fmt(sizes.small)} events, ${large.toFixed(1)} µs at ${fmt(sizes.large)}`);
  return [
    { name: `check() p50, ${target.name}, ${fmt(sizes.small)} events, 5 grants`, value: small, unit: 'µs', target: '' },
    { name: `check() p50, ${target.name}, ${fmt(sizes.large)} events, 5 grants`, value: large, unit: 'µs', target: `≤ ${fmt(target.checkLimitUs)} µs` },
    { name: `check() p50, ${target.name}: at ${fmt(sizes.large)} ÷ at ${fmt(sizes.small)} events`, value: large / small, unit: '×', target: '≤ 1.5' },
  ];
}

// ---------------------------------------------------------------------------------------------
// Ingest with 1,000 entitlements

/** Live traffic like bench/metering.bench.ts: batch `b`, 1,000 subjects, one event per millisecond. */
function liveBatch(run: string, b: number, subjects: number): EventInput[] {
  return Array.from({ length: BATCH }, (_, k) => {
    const i = b * BATCH + k;
    const r = (Math.imul(i + 1, 2654435761) >>> 0) / 4294967296;
    return {
      id: `${run}-${i}`,
      source: 'api-gateway',
      type: METER.eventType,
      subject: `customer-${Math.floor(r * subjects)}`,
      time: new Date(NOW - 3_600_000 + i),
      data: { tokens: 1 + (i % 4000), model: MODELS[i % 4]!, region: REGIONS[(i >> 2) % 3]! },
    };
  });
}

/** Tollgate on `storage` with the meter and, when `entitlements` > 0, that many customers each holding a metered entitlement (and a grant) on it. */
async function ingestSide(storage: Storage, entitlements: number): Promise<Tollgate> {
  const tg = createTollgate({ storage, clock: new TestClock(new Date(NOW)) });
  await tg.migrate();
  await tg.meters.create(METER);
  if (entitlements > 0) {
    await tg.features.create({ key: 'ai', meterKey: METER.key });
    for (let c = 0; c < entitlements; c++) {
      await tg.customers.create({ key: `customer-${c}`, subjectKeys: [`customer-${c}`] });
      const e = await tg.entitlements.create({ customer: `customer-${c}`, feature: 'ai', type: 'metered', usagePeriod: { interval: 'P1M', anchor: new Date(PERIOD_START) } });
      await tg.grants.create({ entitlement: e.id }, { amount: 1_000_000_000, effectiveAt: new Date(PERIOD_START) });
    }
  }
  return tg;
}

async function ingestRows(target: Target, sizes: { runs: number; warmup: number; batches: number }, log: (line: string) => void): Promise<EntitlementsBenchRow[]> {
  const plain: number[] = [];
  const withEntitlements: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const stores = [await target.open(), await target.open()];
    try {
      const sides = [await ingestSide(stores[0]!.storage, 0), await ingestSide(stores[1]!.storage, 1_000)] as const;
      const [without, withThem] = await interleavedRates(
        sides.map((tg) => (batch: EventInput[]) => tg.events.ingest(batch)),
        (n) => liveBatch(`r${r}`, n, 1_000),
        sizes,
      );
      plain.push(without!);
      withEntitlements.push(withThem!);
      for (const tg of sides) await tg.close();
    } finally {
      for (const store of stores) await store.close();
    }
  }
  const ratios = withEntitlements.map((w, i) => w / plain[i]!);
  log(`${target.name} ingest: without entitlements ${plain.map(fmt).join(', ')}; with 1,000 ${withEntitlements.map(fmt).join(', ')} events/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}`);
  return [
    { name: `ingest, ${target.name}: metering only (batches of 1,000)`, value: median(plain), unit: 'events/s', target: 'baseline' },
    { name: `ingest, ${target.name}: with 1,000 metered entitlements on the meter`, value: median(withEntitlements), unit: 'events/s', target: '' },
    { name: `ingest, ${target.name}: with ÷ without entitlements (median of the runs' ratios)`, value: median(ratios), unit: '×', target: '≥ 0.7' },
  ];
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs the entitlements benchmarks and returns their figures (medians) with their targets.
 * Postgres rows appear when a database URL is given (or `DATABASE_URL` is set).
 * @example
 * const rows = await runEntitlementsBench({ quick: true });
 * console.table(rows);
 */
export async function runEntitlementsBench(options: EntitlementsBenchOptions = {}): Promise<EntitlementsBenchRow[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const quick = options.quick ?? false;
  const check = quick ? { small: 10_000, large: 100_000, operations: 2_000 } : { small: 10_000, large: 1_000_000, operations: 10_000 };
  const ingest = quick ? { runs: 3, warmup: 5, batches: 15 } : { runs: 5, warmup: 10, batches: 60 };
  const rows: EntitlementsBenchRow[] = [];
  const only = options.only ?? 'all';
  const wanted = (name: string): boolean => options.adapters === undefined || options.adapters.some((a) => name.toLowerCase().startsWith(a.toLowerCase()));
  for (const target of targets(databaseUrl).filter((t) => wanted(t.name))) {
    if (only !== 'ingest') rows.push(...(await checkRows(target, check, log)));
    if (only !== 'check') rows.push(...(await ingestRows(target, ingest, log)));
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.includes('--ingest') ? 'ingest' : process.argv.includes('--check') ? 'check' : 'all';
  const adapters = process.argv.find((a) => a.startsWith('--adapters='))?.slice('--adapters='.length).split(',');
  const rows = await runEntitlementsBench({ quick, only, ...(adapters && { adapters }) });
  console.table(rows.map((r) => ({ benchmark: r.name, result: `${r.unit === '×' ? r.value.toFixed(2) : r.unit === 'µs' ? r.value.toFixed(1) : fmt(r.value)} ${r.unit}`, target: r.target })));
}
