import type { BurnDownSegment } from '../../core/entitlements';

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

/** A burn-down segment as a history row. */
export const toBurndownRow = (s: BurnDownSegment): BurndownHistoryRow => ({
  period: { from: s.from, to: s.to },
  usage: s.usage,
  overage: s.overage,
  balanceAtStart: s.balanceAtStart,
  grantUsages: s.grantUsages.map((g) => ({ ...g })),
});
