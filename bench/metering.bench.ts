/**
 * Metering benchmark (issue 3): ingestion throughput and query latency on every adapter.
 *
 *   npx tsx bench/metering.bench.ts            # full sizes (minutes)
 *   npx tsx bench/metering.bench.ts --quick    # small sizes, a smoke run
 *   npx tsx bench/metering.bench.ts --ingest   # (or --query) one half only
 *   npx tsx bench/metering.bench.ts --ingest --adapters=postgres --traffic=typical   # one figure
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/tg_metering npx tsx bench/metering.bench.ts   # + Postgres
 *
 * Ingest: batches of 1,000 live events (one per millisecond, integer token counts) into one SUM
 * meter with two group-by dimensions (4 models × 3 regions), from 1,000 customers; `typical`
 * traffic (Zipf-popular customers on their own region and mostly one model, UUID ids, a gateway
 * payload) and `worst` traffic (uniformly random, nearly one rollup cell per event). SQLite and Postgres are
 * compared with raw driver inserts of the same rows into the same `tg_events` table (same unique
 * and query indexes; a database of its own, on the same server or disk): better-sqlite3 prepared
 * inserts in one transaction per batch; pg one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * NOTHING` per batch. Each run interleaves the two batch by batch (every batch goes to both, which
 * goes first alternating), so the shared machine's drift weighs on both alike; the ratio is the
 * median of the runs' ratios.
 *
 * Query: 1,000 customers (America/New_York, one subject each) and events spread uniformly over
 * 2024. One operation = the April total and the 30 daily windows of April in the customer's zone
 * (two `tg.meters.query` calls), for a random customer. Measured with 1,000,000 events from 1,000
 * customers, and compared with 10,000 events from 10 customers (the queried customer's usage is
 * the same) and with 10,000 events from 1,000 customers (every customer uses 100 × less).
 *
 * Every figure is a median (of runs for throughput, of operations for latency).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, interleavedRates, median, openMemory, openPostgresSchema, openSqliteFile, pgSchema } from './support';
import Database from 'better-sqlite3';
import pg from 'pg';
import { memoryStorage } from '../adapters/memory';
import { postgresStorage } from '../adapters/postgres';
import { meteringMigration } from '../adapters/sql/migrations/0002-metering';
import { sqliteStorage } from '../adapters/sqlite';
import { type EventInput, type Storage, type Tollgate, createTollgate } from '../src';

/** One figure of the benchmark. */
export interface MeteringBenchRow {
  name: string;
  value: number;
  unit: string;
  /** The goal, e.g. `≥ 300,000` or `≤ 20 ms`. */
  target: string;
}

/** Options of {@link runMeteringBench}. */
export interface MeteringBenchOptions {
  /** Small sizes, for a smoke run. */
  quick?: boolean;
  /** A Postgres server to benchmark on (a schema of its own is created and dropped). Default: `DATABASE_URL`. */
  databaseUrl?: string | undefined;
  /** Progress lines. Default: stderr. */
  log?: (line: string) => void;
  /** Run only the ingestion or only the query benchmarks. Default: both. */
  only?: 'all' | 'ingest' | 'query';
  /** The adapters to run. Default: all (Postgres only with a database URL). */
  adapters?: readonly BenchAdapter[];
  /** The ingest traffic shapes to run. Default: both. */
  traffics?: readonly Traffic[];
}

/** An adapter the benchmark can run on. */
export type BenchAdapter = 'memory' | 'sqlite' | 'postgres';

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-70b'];
const REGIONS = ['us-east', 'eu-west', 'ap-south'];
const CUSTOMERS = 1_000;
const SUBJECTS = Array.from({ length: CUSTOMERS }, (_, i) => `customer-${i}`);
const BATCH = 1_000;
const METER = {
  key: 'tokens',
  eventType: 'llm.tokens',
  aggregation: 'SUM',
  valueProperty: '$.tokens',
  groupBy: { model: '$.model', region: '$.region' },
} as const;
const ZONE = 'America/New_York';
const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_MS = Date.UTC(2025, 0, 1) - YEAR_START;

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf(1) weights over the customers: a few large customers send most traffic. */
const ZIPF = (() => {
  const weights = SUBJECTS.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
})();

function zipfCustomer(r: number): number {
  let lo = 0;
  let hi = ZIPF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How live traffic is shaped: `typical` (an LLM gateway) or `worst` (every event a different rollup cell). */
type Traffic = 'typical' | 'worst';

/**
 * Live traffic: batch `b` of a run, one event per millisecond from `startMs`. Typical: customers by
 * Zipf popularity, each mostly on its own region and preferred model, UUID event ids, a gateway
 * payload. Worst case: customers, models and regions uniformly random, so nearly every event of a
 * batch lands in a rollup cell of its own.
 */
function liveBatch(traffic: Traffic, run: string, b: number, startMs: number): EventInput[] {
  const next = random(b + 1);
  return Array.from({ length: BATCH }, (_, k) => {
    const i = b * BATCH + k;
    const time = new Date(startMs + i);
    if (traffic === 'worst') {
      return {
        id: `${run}-${i}`,
        source: 'api-gateway',
        type: METER.eventType,
        subject: SUBJECTS[Math.floor(next() * CUSTOMERS)]!,
        time,
        data: { tokens: 1 + Math.floor(next() * 4000), model: MODELS[Math.floor(next() * 4)]!, region: REGIONS[Math.floor(next() * 3)]! },
      };
    }
    const c = zipfCustomer(next());
    const input = 1 + Math.floor(next() * 3000);
    const output = 1 + Math.floor(next() * 1000);
    return {
      id: randomUUID(),
      source: 'llm-gateway',
      type: METER.eventType,
      subject: SUBJECTS[c]!,
      time,
      data: {
        model: next() < 0.7 ? MODELS[c % 4]! : MODELS[Math.floor(next() * 4)]!,
        region: next() < 0.9 ? REGIONS[c % 3]! : REGIONS[Math.floor(next() * 3)]!,
        input_tokens: input,
        output_tokens: output,
        tokens: input + output,
        latency_ms: 50 + Math.floor(next() * 2000),
        request: `req_${run}_${i}`,
      },
    };
  });
}

/** History: batch `b` of `size` events of the year, uniformly spread in time and over the first `customers` customers. */
function historyBatch(b: number, size: number, customers: number): EventInput[] {
  const next = random(1_000_003 + b);
  return Array.from({ length: size }, (_, k) => ({
    id: `h-${b}-${k}`,
    source: 'api-gateway',
    type: METER.eventType,
    subject: SUBJECTS[Math.floor(next() * customers)]!,
    time: new Date(YEAR_START + Math.floor(next() * YEAR_MS)),
    data: { tokens: 1 + Math.floor(next() * 4000), model: MODELS[Math.floor(next() * 4)]!, region: REGIONS[Math.floor(next() * 3)]! },
  }));
}



// ---------------------------------------------------------------------------------------------
// Ingest

interface IngestSizes {
  runs: number;
  warmup: number;
  batches: number;
  traffic: Traffic;
}

/** One side of an ingest comparison: writes a batch, and is freed at the end of its run. */
interface Contestant {
  ingest(batch: EventInput[]): unknown;
  close(): Promise<void> | void;
}

/** Events per second of one run: `warmup` batches untimed, then `batches` timed. */
async function timeIngest(ingest: (batch: EventInput[]) => unknown, run: string, sizes: IngestSizes): Promise<number> {
  const start = Date.UTC(2024, 5, 1);
  for (let b = 0; b < sizes.warmup; b++) await ingest(liveBatch(sizes.traffic, run, b, start));
  let elapsed = 0;
  for (let b = sizes.warmup; b < sizes.warmup + sizes.batches; b++) {
    const batch = liveBatch(sizes.traffic, run, b, start);
    const t = performance.now();
    await ingest(batch);
    elapsed += performance.now() - t;
  }
  return (sizes.batches * BATCH * 1000) / elapsed;
}

/** Events per second of two contestants in one run, interleaved batch by batch (see {@link interleavedRates}). */
async function timePaired(a: Contestant, b: Contestant, run: string, sizes: IngestSizes): Promise<[number, number]> {
  const start = Date.UTC(2024, 5, 1);
  const [x, y] = await interleavedRates([(batch: EventInput[]) => a.ingest(batch), (batch: EventInput[]) => b.ingest(batch)], (n) => liveBatch(sizes.traffic, run, n, start), sizes);
  return [x!, y!];
}

/** Tollgate on `storage`, migrated, with the benchmark's meter. */
async function tollgateContestant(storage: Storage): Promise<Contestant> {
  const tg = createTollgate({ storage });
  await tg.migrate();
  await tg.meters.create(METER);
  return { ingest: (batch) => tg.events.ingest(batch), close: () => tg.close() };
}

async function memoryIngest(sizes: IngestSizes, log: (line: string) => void): Promise<MeteringBenchRow[]> {
  const rates: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const tollgate = await tollgateContestant(memoryStorage());
    rates.push(await timeIngest((batch) => tollgate.ingest(batch), `m${r}`, sizes));
    await tollgate.close();
  }
  log(`memory ingest (${sizes.traffic}) runs: ${rates.map(fmt).join(', ')} events/s`);
  return [{ name: `ingest, memory, ${sizes.traffic} traffic`, value: median(rates), unit: 'events/s', target: sizes.traffic === 'typical' ? '≥ 300,000' : '' }];
}

/** A fresh SQLite file configured like the adapter configures it (WAL, busy timeout, foreign keys). */
function sqliteFile(dir: string, name: string): Database.Database {
  const db = new Database(join(dir, `${name}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Raw better-sqlite3: the metering tables, and prepared inserts of the events in one transaction per batch. */
function rawSqlite(db: Database.Database): Contestant {
  db.exec(meteringMigration.sqlite);
  const insert = db.prepare(
    'INSERT INTO tg_events (source, id, type, subject, time, data, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, id) DO NOTHING',
  );
  const write = db.transaction((batch: EventInput[]) => {
    const now = Date.now();
    for (const e of batch) insert.run(e.source, e.id, e.type, e.subject, (e.time as Date).getTime(), JSON.stringify(e.data), now);
  });
  return {
    ingest: (batch) => write(batch),
    close: () => {
      db.close();
    },
  };
}

/** Per-run ratios, then the rows of a raw-versus-Tollgate comparison (medians). */
function comparisonRows(engine: string, baseline: string, traffic: Traffic, raw: number[], ours: number[], log: (line: string) => void): MeteringBenchRow[] {
  const ratios = ours.map((o, i) => o / raw[i]!);
  log(`${engine} ingest (${traffic}) runs: raw ${raw.map(fmt).join(', ')}; tollgate ${ours.map(fmt).join(', ')} events/s; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
  return [
    { name: `ingest, ${engine}, ${traffic} traffic: ${baseline}, same table and indexes`, value: median(raw), unit: 'events/s', target: '' },
    { name: `ingest, ${engine}, ${traffic} traffic: Tollgate`, value: median(ours), unit: 'events/s', target: '' },
    { name: `ingest, ${engine}, ${traffic} traffic: Tollgate ÷ raw (median of the runs' ratios)`, value: median(ratios), unit: '×', target: traffic === 'typical' ? '≥ 0.8' : '' },
  ];
}

async function sqliteIngest(sizes: IngestSizes, log: (line: string) => void): Promise<MeteringBenchRow[]> {
  const raw: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r < sizes.runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
    try {
      const db = sqliteFile(dir, 'tollgate');
      const rawSide = rawSqlite(sqliteFile(dir, 'raw'));
      const tollgate = await tollgateContestant(sqliteStorage({ database: db }));
      const [rawRate, ourRate] = await timePaired(rawSide, tollgate, `s${r}`, sizes);
      raw.push(rawRate);
      ours.push(ourRate);
      await tollgate.close();
      rawSide.close();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return comparisonRows('SQLite file (WAL)', 'raw better-sqlite3 inserts', sizes.traffic, raw, ours, log);
}

/** Raw pg: the metering tables, and one `INSERT … SELECT FROM unnest(…)` per batch (autocommit). */
async function rawPg(pool: pg.Pool): Promise<Contestant> {
  await pool.query(meteringMigration.postgres);
  return {
    ingest: async (batch) => {
      const now = Date.now();
      await pool.query(
        `INSERT INTO tg_events (source, id, type, subject, time, data, ingested_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[])
         ON CONFLICT (source, id) DO NOTHING`,
        [
          batch.map((e) => e.source),
          batch.map((e) => e.id),
          batch.map((e) => e.type),
          batch.map((e) => e.subject),
          batch.map((e) => (e.time as Date).getTime()),
          batch.map((e) => JSON.stringify(e.data)),
          batch.map(() => now),
        ],
      );
    },
    close: () => pool.end(),
  };
}

async function postgresIngest(url: string, sizes: IngestSizes, log: (line: string) => void): Promise<MeteringBenchRow[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const schema = `tg_bench_ingest_${process.pid}`;
  const raw: number[] = [];
  const ours: number[] = [];
  try {
    for (let r = 0; r < sizes.runs; r++) {
      const rawSide = await rawPg(await pgSchema(admin, url, `${schema}_raw`));
      const pool = await pgSchema(admin, url, schema);
      const tollgate = await tollgateContestant(postgresStorage({ client: pool }));
      const [rawRate, ourRate] = await timePaired(rawSide, tollgate, `p${r}`, sizes);
      raw.push(rawRate);
      ours.push(ourRate);
      await tollgate.close();
      await rawSide.close();
      await pool.end();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema}_raw CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  return comparisonRows('Postgres', 'raw pg unnest inserts', sizes.traffic, raw, ours, log);
}

// ---------------------------------------------------------------------------------------------
// Query

/** A data set of the query benchmark: `events` spread over the year and over `customers` customers. */
interface DataSet {
  label: string;
  events: number;
  customers: number;
}

/** Loads a data set: the meter, 1,000 customers (one subject each) and the events. */
async function loadHistory(tg: Tollgate, set: DataSet): Promise<void> {
  await tg.meters.create(METER);
  for (let c = 0; c < CUSTOMERS; c++) await tg.customers.create({ key: SUBJECTS[c]!, subjectKeys: [SUBJECTS[c]!], timezone: ZONE });
  const size = 10_000;
  for (let b = 0; b * size < set.events; b++) await tg.events.ingest(historyBatch(b, Math.min(size, set.events - b * size), set.customers));
}

/**
 * Median milliseconds of one operation: the April total plus the 30 daily April windows, in the
 * customer's zone, for a random one of the first 10 customers (they have data in every set).
 */
async function timeQuery(tg: Tollgate, operations: number): Promise<number> {
  const next = random(42);
  const month = { from: '2024-04-01T00:00:00-04:00', to: '2024-05-01T00:00:00-04:00' };
  const once = async (): Promise<number> => {
    const customer = SUBJECTS[Math.floor(next() * 10)]!;
    const t = performance.now();
    const total = await tg.meters.query(METER.key, { ...month, customer: [customer] });
    const daily = await tg.meters.query(METER.key, { ...month, customer: [customer], windowSize: 'DAY', windowTimeZone: ZONE });
    const ms = performance.now() - t;
    if (total.data.length > 1 || daily.data.length > 30) throw new Error('unexpected rows');
    return ms;
  };
  // Warm up the code paths and the data set's caches first: the first data set measured would otherwise pay for the JIT.
  for (let i = 0; i < Math.min(200, operations); i++) await once();
  const times: number[] = [];
  for (let i = 0; i < operations; i++) times.push(await once());
  return median(times);
}

interface QueryTarget {
  adapter: BenchAdapter;
  name: string;
  limitMs: number;
  /** A migrated storage for one data set, and how to free it. */
  open(): Promise<{ storage: Storage; close(): Promise<void> }>;
}

/**
 * The query on three data sets: `large` (1,000,000 events from 1,000 customers), `few` (10,000
 * events from 10 customers: the queried customer's usage is the same, the meter holds 100 × less)
 * and `sparse` (10,000 events from 1,000 customers: every customer has 100 × less usage).
 */
async function queryRows(target: QueryTarget, sizes: { large: number; operations: number }, log: (line: string) => void): Promise<MeteringBenchRow[]> {
  const small = sizes.large / 100;
  const sets: DataSet[] = [
    { label: 'large', events: sizes.large, customers: CUSTOMERS },
    { label: 'few', events: small, customers: CUSTOMERS / 100 },
    { label: 'sparse', events: small, customers: CUSTOMERS },
  ];
  const ms = new Map<string, number>();
  for (const set of sets) {
    const { storage, close } = await target.open();
    try {
      const tg = createTollgate({ storage });
      await tg.migrate();
      const t = performance.now();
      await loadHistory(tg, set);
      log(`${target.name}: loaded ${fmt(set.events)} events from ${set.customers} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      ms.set(set.label, await timeQuery(tg, sizes.operations));
      await tg.close();
    } finally {
      await close();
    }
  }
  const [large, few, sparse] = [ms.get('large')!, ms.get('few')!, ms.get('sparse')!];
  log(`${target.name} query: ${large.toFixed(3)} ms (large), ${few.toFixed(3)} ms (few customers), ${sparse.toFixed(3)} ms (sparse usage)`);
  const n = fmt(sizes.large);
  const m = fmt(small);
  return [
    { name: `query, ${target.name}: one customer-month, total + 30 daily windows, ${n} events`, value: large, unit: 'ms', target: `≤ ${target.limitMs} ms` },
    { name: `query, ${target.name}: time at ${n} ÷ time at ${m} events (same customer usage, 100 × fewer customers)`, value: large / few, unit: '×', target: '≤ 2' },
    { name: `query, ${target.name}: time at ${n} ÷ time at ${m} events (same customers, 100 × less usage each)`, value: large / sparse, unit: '×', target: '' },
  ];
}

function queryTargets(databaseUrl: string | undefined): QueryTarget[] {
  const targets: QueryTarget[] = [
    { adapter: 'memory', name: 'memory', limitMs: 5, open: openMemory },
    {
      adapter: 'sqlite',
      name: 'SQLite file',
      limitMs: 20,
      open: () => openSqliteFile('tollgate-bench-'),
    },
  ];
  if (databaseUrl) {
    targets.push({
      adapter: 'postgres',
      name: 'Postgres',
      limitMs: 20,
      open: () => openPostgresSchema(databaseUrl, `tg_bench_query_${process.pid}`),
    });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs the metering benchmarks and returns their figures (medians) with their targets. Postgres
 * rows appear when a database URL is given (or `DATABASE_URL` is set).
 * @example
 * const rows = await runMeteringBench({ quick: true });
 * console.table(rows);
 */
export async function runMeteringBench(options: MeteringBenchOptions = {}): Promise<MeteringBenchRow[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const quick = options.quick ?? false;
  const only = options.only ?? 'all';
  const sql = quick ? { runs: 3, warmup: 5, batches: 20 } : { runs: 5, warmup: 10, batches: 100 };
  const memory = quick ? { runs: 3, warmup: 10, batches: 50 } : { runs: 5, warmup: 20, batches: 200 };
  const query = quick ? { large: 100_000, operations: 100 } : { large: 1_000_000, operations: 1_000 };
  const rows: MeteringBenchRow[] = [];
  const adapters = new Set(options.adapters ?? ['memory', 'sqlite', 'postgres']);
  for (const traffic of options.traffics ?? (['typical', 'worst'] as const)) {
    if (only === 'all' || only === 'ingest') {
      if (adapters.has('memory')) rows.push(...(await memoryIngest({ ...memory, traffic }, log)));
      if (adapters.has('sqlite')) rows.push(...(await sqliteIngest({ ...sql, traffic }, log)));
      if (databaseUrl && adapters.has('postgres')) rows.push(...(await postgresIngest(databaseUrl, { ...sql, traffic }, log)));
    }
  }
  if (only === 'all' || only === 'query') {
    for (const target of queryTargets(databaseUrl)) if (adapters.has(target.adapter)) rows.push(...(await queryRows(target, query, log)));
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.includes('--ingest') ? 'ingest' : process.argv.includes('--query') ? 'query' : 'all';
  const listArg = (name: string): string[] | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
  const adapters = listArg('adapters') as BenchAdapter[] | undefined;
  const traffics = listArg('traffic') as Traffic[] | undefined;
  const rows = await runMeteringBench({ quick, only, ...(adapters && { adapters }), ...(traffics && { traffics }) });
  console.table(
    rows.map((r) => ({ benchmark: r.name, result: `${r.unit === '×' ? r.value.toFixed(2) : r.unit === 'ms' ? r.value.toFixed(3) : fmt(r.value)} ${r.unit}`, target: r.target })),
  );
}
