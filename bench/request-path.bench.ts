/**
 * Request-path benchmark (issue 9): the API gate as a user builds it, with the real clock.
 *
 *   npx tsx bench/request-path.bench.ts              # full sizes
 *   npx tsx bench/request-path.bench.ts --quick      # small sizes, a smoke run
 *   DATABASE_URL=postgres://... npx tsx bench/request-path.bench.ts   # Postgres on a server (else PGlite)
 *   npx tsx bench/request-path.bench.ts --adapters=memory,sqlite --only=gate,consume,ahead,far
 *
 * - gate: one customer, a metered entitlement with 5 grants (COUNT meter). Each round ingests one
 *   event (no `time`: stamped now), then checks (`quantity: 1`) — the check right after an ingest,
 *   as the gate loop makes it — then checks again (a check alone, after a check). 5,000 rounds:
 *   p50 of the round (ingest + check) over the last 1,000 ÷ the first 1,000, and the in-loop check's
 *   p50 ÷ the check alone's, both measured in the same rounds (interleaved).
 * - consume: p50 of `tg.entitlements.consume` (one event each) with 10k and 1M events already in
 *   the usage period (100k with --quick); SQLite with `synchronous` NORMAL and FULL.
 * - ahead: the gate round on two stores, one of which holds one event stamped 1 hour ahead,
 *   interleaved round by round: check p50 with ÷ without it.
 * - far: `check` at 9999-12-31 (ValidationError `beyond_horizon`, answered at once) and at now +
 *   10 years less a day (the farthest evaluated: 120 monthly refills and resets replayed), 5 grants
 *   of which one recurs monthly.
 */
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PGlite } from '@electric-sql/pglite';
import { type EventInput, type Storage, type Tollgate, createTollgate } from '../src';
import { sqliteStorage } from '../adapters/sqlite';
import { postgresStorage } from '../adapters/postgres';
import { median, openMemory, openPostgresSchema } from './support';

/** One figure of the benchmark. */
export interface RequestPathRow {
  name: string;
  value: number;
  unit: string;
  target: string;
}

interface Target {
  name: string;
  open(): Promise<{ storage: Storage; close(): Promise<void> }>;
  consumeLimitUs: number;
}

function sqliteTarget(synchronous: 'NORMAL' | 'FULL'): Target {
  return {
    name: `SQLite file (WAL, ${synchronous})`,
    consumeLimitUs: synchronous === 'NORMAL' ? 150 : Infinity,
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tollgate-request-bench-'));
      const db = new Database(join(dir, 'bench.db'));
      const storage = sqliteStorage({ database: db });
      db.pragma(`synchronous = ${synchronous}`);
      return {
        storage,
        close: async () => {
          db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function targets(databaseUrl: string | undefined): Target[] {
  let n = 0;
  const postgres: Target = databaseUrl
    ? { name: 'Postgres', consumeLimitUs: 1500, open: () => openPostgresSchema(databaseUrl, `tg_bench_req_${process.pid}_${n++}`) }
    : {
        name: 'Postgres (PGlite)',
        consumeLimitUs: 1500,
        open: async () => {
          const db = await PGlite.create();
          return { storage: postgresStorage({ client: db }), close: () => db.close() };
        },
      };
  return [{ name: 'memory', consumeLimitUs: 20, open: openMemory }, sqliteTarget('NORMAL'), sqliteTarget('FULL'), postgres];
}

const BIG = 1_000_000_000_000;

/** A COUNT meter, a feature, one customer with a monthly entitlement and 5 grants (one recurring monthly). */
async function setup(tg: Tollgate): Promise<void> {
  await tg.migrate();
  await tg.meters.create({ key: 'requests', eventType: 'api.request', aggregation: 'COUNT' });
  await tg.features.create({ key: 'api', meterKey: 'requests' });
  await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
  const anchor = new Date(Date.now() - 15 * 86_400_000);
  const e = await tg.entitlements.create({ customer: 'acme', feature: 'api', type: 'metered', usagePeriod: { interval: 'P1M', anchor }, measureUsageFrom: anchor });
  for (let g = 0; g < 5; g++) {
    await tg.grants.create(
      { entitlement: e.id },
      {
        amount: BIG * (g + 1),
        priority: 1 + (g % 3),
        effectiveAt: anchor,
        ...(g === 0 && { recurrence: { interval: 'P1M', anchor } }),
        ...(g % 2 === 1 && { expiresAt: new Date(Date.now() + 400 * 86_400_000) }),
      },
    );
  }
}

const request = (id: string, time?: Date): EventInput => ({ id, source: 'gateway', type: 'api.request', subject: 'acme-prod', ...(time && { time }) });

/** `events` events spread over the usage period before now, in batches of 10,000. */
async function load(tg: Tollgate, events: number): Promise<void> {
  const from = Date.now() - 14 * 86_400_000;
  const span = 14 * 86_400_000 - 60_000;
  for (let b = 0; b * 10_000 < events; b++) {
    const count = Math.min(10_000, events - b * 10_000);
    await tg.events.ingest(Array.from({ length: count }, (_, k) => request(`load-${b * 10_000 + k}`, new Date(from + Math.floor(((b * 10_000 + k) / events) * span)))));
  }
}

const us = (fn: () => Promise<unknown>) => async (): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) * 1000;
};

async function gateRows(target: Target, rounds: number, log: (l: string) => void): Promise<RequestPathRow[]> {
  const { storage, close } = await target.open();
  try {
    const tg = createTollgate({ storage });
    await setup(tg);
    const round: number[] = [];
    const inLoop: number[] = [];
    const alone: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const ingest = await us(() => tg.events.ingest(request(`gate-${i}`)))();
      const check = await us(() => tg.entitlements.check('acme', 'api', { quantity: 1 }))();
      alone.push(await us(() => tg.entitlements.check('acme', 'api', { quantity: 1 }))());
      round.push(ingest + check);
      inLoop.push(check);
    }
    const v = await tg.entitlements.check('acme', 'api');
    if (v.usage !== String(rounds)) throw new Error(`gate on ${target.name}: usage ${v.usage}, expected ${rounds}`);
    const k = Math.min(1000, Math.floor(rounds / 5));
    const first = median(round.slice(0, k));
    const last = median(round.slice(-k));
    const checkIn = median(inLoop);
    const checkAlone = median(alone);
    log(`${target.name}: gate round p50 first ${first.toFixed(1)} µs, last ${last.toFixed(1)} µs; check in loop ${checkIn.toFixed(1)} µs, alone ${checkAlone.toFixed(1)} µs`);
    return [
      { name: `gate round p50, first ${k}, ${target.name}`, value: first, unit: 'µs', target: '' },
      { name: `gate round p50, last ${k}, ${target.name}`, value: last, unit: 'µs', target: '' },
      { name: `gate round last ÷ first, ${target.name}`, value: last / first, unit: '×', target: '≤ 1.2' },
      { name: `check p50 in the loop, ${target.name}`, value: checkIn, unit: 'µs', target: '' },
      { name: `check p50 alone, ${target.name}`, value: checkAlone, unit: 'µs', target: '' },
      { name: `check in loop ÷ alone, ${target.name}`, value: checkIn / checkAlone, unit: '×', target: '≤ 1.5' },
    ];
  } finally {
    await close();
  }
}

/** A store with `events` events in the period, ready to consume. */
async function loaded(target: Target, events: number, log: (l: string) => void): Promise<{ tg: Tollgate; close(): Promise<void> }> {
  const { storage, close } = await target.open();
  const tg = createTollgate({ storage });
  await setup(tg);
  const t = performance.now();
  await load(tg, events);
  log(`${target.name}: loaded ${events.toLocaleString('en-US')} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { tg, close };
}

async function consumeRows(target: Target, sizes: { small: number; large: number; operations: number }, log: (l: string) => void): Promise<RequestPathRow[]> {
  const stores = [await loaded(target, sizes.small, log), await loaded(target, sizes.large, log)];
  try {
    // Interleaved: consume n goes to both stores, which one first alternating; the first tenth is warm-up.
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < sizes.operations; i++) {
      for (let k = 0; k < 2; k++) {
        const side = (i + k) % 2;
        const event = request(`consume-${i}`);
        const took = await us(() => stores[side]!.tg.entitlements.consume('acme', 'api', { event }))();
        if (i >= sizes.operations / 10) times[side]!.push(took);
      }
    }
    for (const [side, events] of [sizes.small, sizes.large].entries()) {
      const v = await stores[side]!.tg.entitlements.check('acme', 'api');
      if (v.usage !== String(events + sizes.operations)) throw new Error(`consume on ${target.name}: usage ${v.usage}, expected ${events + sizes.operations}`);
    }
    const [small, large] = [median(times[0]!), median(times[1]!)];
    const limit = Number.isFinite(target.consumeLimitUs) ? `≤ ${target.consumeLimitUs} µs` : '(reported)';
    log(`${target.name}: consume p50 ${small.toFixed(1)} µs at ${sizes.small}, ${large.toFixed(1)} µs at ${sizes.large}`);
    return [
      { name: `consume p50, ${sizes.small.toLocaleString('en-US')} events, ${target.name}`, value: small, unit: 'µs', target: limit },
      { name: `consume p50, ${sizes.large.toLocaleString('en-US')} events, ${target.name}`, value: large, unit: 'µs', target: limit },
      { name: `consume at ${sizes.large.toLocaleString('en-US')} ÷ at ${sizes.small.toLocaleString('en-US')}, ${target.name}`, value: large / small, unit: '×', target: '≤ 1.5' },
    ];
  } finally {
    for (const s of stores) await s.close();
  }
}

async function aheadRows(target: Target, rounds: number, log: (l: string) => void): Promise<RequestPathRow[]> {
  const [a, b] = [await target.open(), await target.open()];
  try {
    const plain = createTollgate({ storage: a.storage });
    const ahead = createTollgate({ storage: b.storage });
    await setup(plain);
    await setup(ahead);
    await ahead.events.ingest(request('ahead', new Date(Date.now() + 3_600_000)));
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < rounds; i++) {
      for (let k = 0; k < 2; k++) {
        const side = (i + k) % 2;
        const tg = side === 0 ? plain : ahead;
        await tg.events.ingest(request(`r-${i}`));
        times[side]!.push(await us(() => tg.entitlements.check('acme', 'api', { quantity: 1 }))());
      }
    }
    const usage = (await ahead.entitlements.check('acme', 'api')).usage;
    if (usage !== String(rounds)) throw new Error(`ahead on ${target.name}: usage ${usage}, expected ${rounds} (the event an hour ahead must not count yet)`);
    const [without, withAhead] = [median(times[0]!), median(times[1]!)];
    log(`${target.name}: check after an ingest, p50 ${without.toFixed(1)} µs without, ${withAhead.toFixed(1)} µs with an event 1 h ahead`);
    return [
      { name: `check p50 with an event 1 h ahead, ${target.name}`, value: withAhead, unit: 'µs', target: '' },
      { name: `check with ÷ without an event 1 h ahead, ${target.name}`, value: withAhead / without, unit: '×', target: '≤ 1.2' },
    ];
  } finally {
    await a.close();
    await b.close();
  }
}

async function farRows(target: Target, operations: number, log: (l: string) => void): Promise<RequestPathRow[]> {
  const { storage, close } = await target.open();
  try {
    const tg = createTollgate({ storage });
    await setup(tg);
    await tg.events.ingest(request('one'));
    const refused: number[] = [];
    for (let i = 0; i < operations; i++) {
      refused.push(
        await us(async () => {
          try {
            await tg.entitlements.check('acme', 'api', { at: '9999-12-31T00:00:00Z' });
            throw new Error('expected beyond_horizon');
          } catch (error) {
            if (!(error instanceof Error) || !error.message.includes('ten years')) throw error;
          }
        })(),
      );
    }
    const farthest = new Date(Date.now() + 10 * 365 * 86_400_000);
    const answered: number[] = [];
    for (let i = 0; i < Math.max(5, operations / 10); i++) answered.push(await us(() => tg.entitlements.check('acme', 'api', { at: farthest }))());
    const [r, f] = [median(refused), median(answered)];
    log(`${target.name}: check at 9999-12-31 refused in ${r.toFixed(1)} µs; at now + ~10 years answered in ${(f / 1000).toFixed(2)} ms`);
    return [
      { name: `check at 9999-12-31 (ValidationError), ${target.name}`, value: r / 1000, unit: 'ms', target: '≤ 10 ms' },
      { name: `check at now + 10 years (120 monthly refills), ${target.name}`, value: f / 1000, unit: 'ms', target: '' },
    ];
  } finally {
    await close();
  }
}

/** Options of {@link runRequestPathBench}. */
export interface RequestPathBenchOptions {
  quick?: boolean;
  databaseUrl?: string | undefined;
  log?: (line: string) => void;
  /** The targets to run, by name prefix (`memory`, `SQLite`, `Postgres`). Default: all. */
  adapters?: readonly string[];
  /** The parts to run. Default: all. */
  only?: ReadonlyArray<'gate' | 'consume' | 'ahead' | 'far'>;
}

export async function runRequestPathBench(options: RequestPathBenchOptions = {}): Promise<RequestPathRow[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const quick = options.quick ?? false;
  const parts = options.only ?? ['gate', 'consume', 'ahead', 'far'];
  const rows: RequestPathRow[] = [];
  const wanted = (name: string): boolean => options.adapters === undefined || options.adapters.some((a) => name.toLowerCase().startsWith(a.toLowerCase()));
  for (const target of targets(options.databaseUrl ?? process.env.DATABASE_URL).filter((t) => wanted(t.name))) {
    const fullSync = target.name.includes('FULL');
    if (parts.includes('gate') && !fullSync) rows.push(...(await gateRows(target, quick ? 1_000 : 5_000, log)));
    if (parts.includes('consume')) rows.push(...(await consumeRows(target, quick ? { small: 10_000, large: 100_000, operations: 1_000 } : { small: 10_000, large: 1_000_000, operations: 2_000 }, log)));
    if (parts.includes('ahead') && !fullSync) rows.push(...(await aheadRows(target, quick ? 500 : 2_000, log)));
    if (parts.includes('far') && !fullSync) rows.push(...(await farRows(target, quick ? 20 : 100, log)));
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const adapters = process.argv.find((a) => a.startsWith('--adapters='))?.slice('--adapters='.length).split(',');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as RequestPathBenchOptions['only'];
  const rows = await runRequestPathBench({ quick, ...(adapters && { adapters }), ...(only && { only }) });
  console.table(rows.map((r) => ({ benchmark: r.name, result: `${r.unit === '×' ? r.value.toFixed(2) : r.value.toFixed(r.unit === 'ms' ? 3 : 1)} ${r.unit}`, target: r.target })));
}
