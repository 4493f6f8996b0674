import { ValidationError } from '../../errors';
import { type WindowUnit, nextWindowStart, startOfWindow } from '../time/calendar-unit';
import { ROLLUP_BUCKET_MS } from './rollup-cell';

/** Most windows one query may return. */
export const MAX_QUERY_WINDOWS = 100_000;

/** A half-open range of epoch milliseconds. */
export interface MsRange {
  from: number;
  to: number;
}

/** One output window: reported as [start, end); it counts the events in [from, to). */
export interface QueryWindow {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** How a query reads its data: rollup buckets where whole hours fit, raw events elsewhere. */
export interface WindowPlan {
  readonly windows: readonly QueryWindow[];
  /** The hour buckets worth reading from the rollups, or null when no window holds a whole hour. */
  readonly rollupRange: MsRange | null;
  /** Where raw events must be read instead (sub-hour edges, hours split by a window boundary), merged and ascending. */
  readonly rawRanges: readonly MsRange[];
  /** The window a rollup bucket lies entirely inside, or -1 (read raw, or outside the query). */
  windowOfBucket(bucket: number): number;
  /** The window whose [from, to) holds instant `ms`, or -1. */
  windowOfTime(ms: number): number;
}

/** Options of {@link planWindows}. */
export interface PlanWindowsOptions {
  fromMs: number;
  toMs: number;
  /** Without it, one window [from, to). */
  windowSize?: WindowUnit | undefined;
  /** IANA zone the windows align to. Default `UTC`. */
  timeZone?: string | undefined;
}

const ceilHour = (ms: number): number => Math.ceil(ms / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
const floorHour = (ms: number): number => Math.floor(ms / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;

function listWindows(options: PlanWindowsOptions): QueryWindow[] {
  const { fromMs, toMs, windowSize } = options;
  if (fromMs >= toMs) return [];
  if (windowSize === undefined) return [{ start: fromMs, end: toMs, from: fromMs, to: toMs }];
  const zone = options.timeZone ?? 'UTC';
  const windows: QueryWindow[] = [];
  for (let start = startOfWindow(fromMs, windowSize, zone); start < toMs; ) {
    const end = nextWindowStart(start, windowSize, zone);
    windows.push({ start, end, from: Math.max(start, fromMs), to: Math.min(end, toMs) });
    if (windows.length > MAX_QUERY_WINDOWS) {
      throw ValidationError.single('windowSize', 'too_many_windows', `the query would return more than ${MAX_QUERY_WINDOWS} windows; narrow from/to or use a larger windowSize`);
    }
    start = end;
  }
  return windows;
}

/** Index of the last window whose `from` is ≤ ms (windows are contiguous and ascending). */
function search(windows: readonly QueryWindow[], ms: number): number {
  let lo = 0;
  let hi = windows.length - 1;
  if (hi < 0 || ms < windows[0]!.from) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (windows[mid]!.from <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pushRange(ranges: MsRange[], from: number, to: number): void {
  if (from >= to) return;
  const last = ranges[ranges.length - 1];
  if (last !== undefined && last.to === from) last.to = to;
  else ranges.push({ from, to });
}

/**
 * Plans a meter query: the windows of `[fromMs, toMs)` (aligned to `windowSize` in `timeZone` and
 * reported whole, while only the events inside [from, to) count), and for each window which UTC
 * hours come from the rollups and which ranges must be read from raw events. A window boundary
 * that is not on a UTC hour (an unaligned `from`/`to`, MINUTE windows, a zone such as
 * Asia/Kolkata) makes the hour around it raw, so the result is exact in every zone.
 *
 * @throws {@link ValidationError} `too_many_windows` (path `windowSize`), or the time core's errors
 *   for a bad zone.
 * @example
 * const plan = planWindows({ fromMs: Date.parse('2024-01-01T00:30:00Z'), toMs: Date.parse('2024-01-02T00:00:00Z'), windowSize: 'DAY' });
 * plan.windows;   // [{ start: Jan 1 00:00, end: Jan 2 00:00, from: 00:30, to: Jan 2 00:00 }]
 * plan.rawRanges; // [{ from: 00:30, to: 01:00 }]: the first half hour is read raw
 */
export function planWindows(options: PlanWindowsOptions): WindowPlan {
  const windows = listWindows(options);
  const hourStart: number[] = [];
  const hourEnd: number[] = [];
  const rawRanges: MsRange[] = [];
  let rollupFrom = Number.POSITIVE_INFINITY;
  let rollupTo = Number.NEGATIVE_INFINITY;
  for (const w of windows) {
    const hs = ceilHour(w.from);
    const he = floorHour(w.to);
    hourStart.push(hs);
    hourEnd.push(he);
    if (hs < he) {
      rollupFrom = Math.min(rollupFrom, hs);
      rollupTo = Math.max(rollupTo, he);
    }
    pushRange(rawRanges, w.from, Math.min(hs, w.to));
    pushRange(rawRanges, Math.max(he, hs, w.from), w.to);
  }
  return {
    windows,
    rollupRange: rollupFrom < rollupTo ? { from: rollupFrom, to: rollupTo } : null,
    rawRanges,
    windowOfBucket(bucket) {
      const i = search(windows, bucket);
      return i >= 0 && bucket >= hourStart[i]! && bucket + ROLLUP_BUCKET_MS <= hourEnd[i]! ? i : -1;
    },
    windowOfTime(ms) {
      const i = search(windows, ms);
      return i >= 0 && ms < windows[i]!.to ? i : -1;
    },
  };
}
