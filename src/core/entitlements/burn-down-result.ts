import { ZERO, formatDecimal, type Decimal } from '../money';
import type { GrantBurn } from './burn-grants';
import type { ParsedGrant } from './grant';

/** What one grant gave in one segment (negative when a refund gave some back). */
export interface GrantUsage {
  grantId: string;
  /** A decimal string. */
  usage: string;
}

/** One segment `[from, to)` of a run: no grant starts, ends or recurs and no reset happens inside it. */
export interface BurnDownSegment {
  /** Segment start (inclusive). */
  from: Date;
  /** Segment end (exclusive). */
  to: Date;
  /** `SUM`/`COUNT`: the usage in `[from, to)`. `LATEST`: the latest value of the usage period at `to`. */
  usage: string;
  /** The part of `usage` no grant could cover (added to the outstanding overage). Σ grantUsages + overage = usage. */
  overage: string;
  /** Overage outstanding at `from`. */
  overageAtStart: string;
  /** Σ balances of the grants active at `from`. */
  balanceAtStart: string;
  /** Balance of each grant active in the segment, at its end (before what happens at `to`), in burn order. */
  balances: Record<string, string>;
  /** The grants that gave something, in the order they gave (burn order; reverse burn order for a refund), zero usages left out. */
  grantUsages: GrantUsage[];
  /** True when a reset happens at `to`. */
  endsWithReset: boolean;
}

/**
 * The state at one instant, enough to continue a run from there ({@link burnDownFromSnapshot}).
 * Snapshots taken at usage-period starts (the reset instants of a run) let a check replay only the
 * current period.
 */
export interface BurnDownSnapshot {
  /** The instant of the state: everything at `at` has happened. */
  at: Date;
  /** Start of the usage period that contains `at`. */
  periodStart: Date;
  /** Balance of each grant active at `at`, in burn order. */
  balances: Record<string, string>;
  /** Overage outstanding at `at`. */
  overage: string;
  /** Usage of the usage period up to `at` (`LATEST`: the latest value). */
  usage: string;
  /** What the grants gave in the usage period up to `at` (usage, and overage repaid after the period start). 0 at a period start. */
  grantUsage: string;
}

/** The outcome of {@link burnDown}: the state at `to` and the segments of `[from, to)`. */
export interface BurnDownResult {
  from: Date;
  to: Date;
  /** Start of the usage period in effect at `to` (the last reset of the run, or the starting one). */
  periodStart: Date;
  /** Balance of each grant active at `to`, in burn order. */
  balances: Record<string, string>;
  /** Σ balances. */
  balance: string;
  /** Overage outstanding at `to` (usage no grant could cover, not yet repaid or forgiven). */
  overage: string;
  /** Usage of the usage period in effect at `to`, from `periodStart` (`LATEST`: the latest value). */
  usage: string;
  /**
   * What the grants gave in that usage period: its usage they covered, and overage they repaid after
   * the period start (what repays the previous period's preserved overage at the reset itself is not counted).
   */
  grantUsage: string;
  /** What the grants made available in that usage period: `balance + grantUsage` (`LATEST`: Σ active amounts). */
  totalAvailableGrantAmount: string;
  /** The segments of the run, in order. */
  segments: BurnDownSegment[];
  /** The state right after each reset of the run (a usage-period start), to store and start later runs from. */
  snapshots: BurnDownSnapshot[];
}

/** The balances of `balances` in burn order, as decimal strings. @internal */
export function balancesRecord(ordered: readonly ParsedGrant[], balances: ReadonlyMap<string, Decimal>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const grant of ordered) {
    const balance = balances.get(grant.id);
    if (balance !== undefined) out[grant.id] = formatDecimal(balance);
  }
  return out;
}

/** Σ of the balances. @internal */
export function sumBalances(balances: ReadonlyMap<string, Decimal>): Decimal {
  let total = ZERO;
  for (const balance of balances.values()) total = total.plus(balance);
  return total;
}

/** Burns as {@link GrantUsage} rows. @internal */
export function grantUsagesOf(burns: readonly GrantBurn[]): GrantUsage[] {
  return burns.map((burn) => ({ grantId: burn.grantId, usage: formatDecimal(burn.amount) }));
}
