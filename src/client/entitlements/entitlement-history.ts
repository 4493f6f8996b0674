import type { BurnDownSegment } from '../../core/entitlements';
import { type WindowUnit, nextWindowStart, startOfWindow } from '../../core/time';

/** Usage and balance of one window of `tg.entitlements.history`. */
export interface WindowedHistoryRow {
  from: Date;
  to: Date;
  /** Usage counted in the window. */
  usage: string;
  /** Balance at the window start. */
  balanceAtStart: string;
}

/** One burn-down segment of `tg.entitlements.history`: no grant starts, ends or recurs inside it. */
export interface BurndownHistoryRow {
  period: { from: Date; to: Date };
  usage: string;
  overage: string;
  balanceAtStart: string;
  /** What each grant gave in the segment, in burn order. */
  grantUsages: Array<{ grantId: string; usage: string }>;
}

/** The result of `tg.entitlements.history`. */
export interface EntitlementHistory {
  windowedHistory: WindowedHistoryRow[];
  burndownHistory: BurndownHistoryRow[];
}

/** The windows `[from, to)` of `size` (UTC) that cover `[fromMs, toMs)`, clipped to it. */
export function historyWindows(fromMs: number, toMs: number, size: WindowUnit): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (let start = startOfWindow(fromMs, size, 'UTC'); start < toMs; ) {
    const end = nextWindowStart(start, size, 'UTC');
    out.push({ from: Math.max(start, fromMs), to: Math.min(end, toMs) });
    start = end;
  }
  return out;
}

/** A burn-down segment as a history row. */
export const toBurndownRow = (s: BurnDownSegment): BurndownHistoryRow => ({
  period: { from: s.from, to: s.to },
  usage: s.usage,
  overage: s.overage,
  balanceAtStart: s.balanceAtStart,
  grantUsages: s.grantUsages.map((g) => ({ ...g })),
});
