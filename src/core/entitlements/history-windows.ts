import { type WindowUnit, nextWindowStart, startOfWindow } from '../time';

/**
 * The windows `[from, to)` of `size` (UTC) that cover `[fromMs, toMs)`, the first and last
 * clipped to it: the rows of an entitlement's windowed history. None when `fromMs >= toMs`.
 * @example
 * historyWindows(Date.parse('2024-01-01T12:00:00Z'), Date.parse('2024-01-03T00:00:00Z'), 'DAY');
 * // [{ from: Jan 1 12:00, to: Jan 2 }, { from: Jan 2, to: Jan 3 }] (epoch ms)
 */
export function historyWindows(fromMs: number, toMs: number, size: WindowUnit): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  if (fromMs >= toMs) return out;
  for (let start = startOfWindow(fromMs, size, 'UTC'); start < toMs; ) {
    const end = nextWindowStart(start, size, 'UTC');
    out.push({ from: Math.max(start, fromMs), to: Math.min(end, toMs) });
    start = end;
  }
  return out;
}
