/**
 * Time benchmark: the meter-window and calendar functions of the time core, in UTC (the fast path)
 * and through the zone path (date-fns + @date-fns/tz).
 *
 *   npx tsx bench/time.bench.ts            # full sizes (about a minute)
 *   npx tsx bench/time.bench.ts --quick    # small sizes, a smoke run
 *
 * Each figure is the median of several rounds of a timed loop over instants spread through 2024
 * (a new instant per call, so no result is reused). `Etc/GMT` has UTC's offsets but is not spelled
 * `UTC`, so it takes the zone path: its row against the `UTC` row is what the fast path saves.
 */
import { fileURLToPath } from 'node:url';
import { median } from './support';
import { addDuration, nextWindowStart, periodAt, startOfWindow, type WindowUnit } from '../src/core/time';
import { planWindows } from '../src/core/metering/window-plan';

/** One figure of the benchmark. */
export interface TimeBenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
}

/** Options of {@link runTimeBench}. */
export interface TimeBenchOptions {
  quick?: boolean;
  log?: (line: string) => void;
}

const START = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;
/** A stride through 2024 that is not a multiple of a minute, an hour or a day. */
const STRIDE = 7_919_917;

/** Calls per second of `fn(instant)` over `calls` instants, median of `rounds` rounds. */
function opsPerSec(fn: (ms: number) => number, calls: number, rounds: number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(calls, 2_000); i++) sink += fn(START + ((i * STRIDE) % YEAR_MS));
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) sink += fn(START + (((i + r * calls) * STRIDE) % YEAR_MS));
    rates.push((calls * 1000) / (performance.now() - t));
  }
  if (sink === 42) console.log('');
  return median(rates);
}

const ZONES = [
  ['UTC', 'UTC'],
  ['Etc/GMT', 'Etc/GMT (UTC offsets, zone path)'],
  ['America/New_York', 'America/New_York'],
] as const;

/** Runs the time benchmark and returns its rows (ops/s). */
export async function runTimeBench(options: TimeBenchOptions = {}): Promise<TimeBenchRow[]> {
  const quick = options.quick ?? false;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const calls = quick ? 5_000 : 50_000;
  const rounds = quick ? 3 : 7;
  const rows: TimeBenchRow[] = [];
  const add = (name: string, fn: (ms: number) => number, n = calls): void => {
    const value = opsPerSec(fn, n, rounds);
    log(`  ${name}: ${Math.round(value).toLocaleString('en-US')} ops/s`);
    rows.push({ name, value, unit: 'ops/s', target: '' });
  };
  for (const [zone, label] of ZONES) {
    for (const unit of ['HOUR', 'DAY', 'MONTH'] as WindowUnit[]) {
      add(`time: startOfWindow ${unit}, ${label}`, (ms) => startOfWindow(ms, unit, zone));
    }
    for (const unit of ['HOUR', 'DAY'] as WindowUnit[]) {
      add(`time: nextWindowStart ${unit}, ${label}`, (ms) => nextWindowStart(startOfWindow(ms, unit, zone), unit, zone));
    }
    add(`time: addDuration P1M, ${label}`, (ms) => addDuration(new Date(ms), 'P1M', { timeZone: zone }).getTime());
    add(`time: addDuration PT1H, ${label}`, (ms) => addDuration(new Date(ms), 'PT1H', { timeZone: zone }).getTime());
    add(`time: periodAt P1M (anchor Jan 31), ${label}`, (ms) => periodAt('2023-01-31T00:00:00Z', 'P1M', new Date(ms), { timeZone: zone }).from.getTime());
    add(
      `time: planWindows, 30 DAY windows, ${label}`,
      (ms) => planWindows({ fromMs: startOfWindow(ms, 'DAY', 'UTC'), toMs: startOfWindow(ms, 'DAY', 'UTC') + 30 * 86_400_000, windowSize: 'DAY', timeZone: zone }).windows.length,
      Math.ceil(calls / 30),
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runTimeBench({ quick: process.argv.includes('--quick') });
  console.table(rows.map((r) => ({ benchmark: r.name, 'ops/s': Math.round(r.value).toLocaleString('en-US') })));
}
