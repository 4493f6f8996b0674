import { ValidationError } from '../../errors';
import { MAX_QUERY_WINDOWS } from '../metering';
import { type WindowUnit, nextWindowStart, startOfWindow } from '../time';

/** One row of an entitlement's windowed history, in epoch ms. */
export interface HistoryWindow {
  from: number;
  to: number;
  /** Where the window's usage is counted from: its start, or where usage is measured from when later. */
  usageFrom: number;
}

/**
 * The windows `[from, to)` of `size` (UTC) that cover `[fromMs, toMs)`, the first and last
 * clipped to it: the rows of an entitlement's windowed history, each counting usage from
 * `measureUsageFromMs` at the earliest. None when `fromMs >= toMs`. At most as many windows as a meter
 * query may return.
 * @throws ValidationError `too_many_windows` (path `windowSize`) beyond `MAX_QUERY_WINDOWS`.
 * @example
 * historyWindows(Date.parse('2024-01-01T12:00:00Z'), Date.parse('2024-01-03T00:00:00Z'), 'DAY');
 * // [{ from: Jan 1 12:00, to: Jan 2, usageFrom: Jan 1 12:00 }, { from: Jan 2, to: Jan 3, usageFrom: Jan 2 }] (epoch ms)
 */
export function historyWindows(fromMs: number, toMs: number, size: WindowUnit, measureUsageFromMs = -Infinity): HistoryWindow[] {
  const out: HistoryWindow[] = [];
  if (fromMs >= toMs) return out;
  for (let start = startOfWindow(fromMs, size, 'UTC'); start < toMs; ) {
    const end = nextWindowStart(start, size, 'UTC');
    const from = Math.max(start, fromMs);
    out.push({ from, to: Math.min(end, toMs), usageFrom: Math.max(from, measureUsageFromMs) });
    if (out.length > MAX_QUERY_WINDOWS) {
      throw ValidationError.single('windowSize', 'too_many_windows', `the history would have more than ${MAX_QUERY_WINDOWS} windows; narrow from/to or use a larger windowSize`);
    }
    start = end;
  }
  return out;
}
