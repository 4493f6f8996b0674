import { ZERO, formatDecimal, parseDecimal, type Decimal } from '../money';
import { isGrantActiveAt } from './grant';
import type { MeteredBalance } from './entitlement-value';
import type { NumericInput } from './numeric';
import type { PreparedGrants } from './prepared-grants';

/** A stored state at the start of a burn-down segment (a `BurnDownSnapshot` fits). */
export interface SegmentStateInput {
  /** Balances by grant id at the segment start. Active grants without one start at their full amount. */
  balances: Readonly<Record<string, NumericInput>>;
  /** Overage outstanding at the segment start. Default 0. */
  overage?: NumericInput | undefined;
  /** Usage of the usage period before the segment start. Default 0. */
  usage?: NumericInput | undefined;
  /** What the grants gave in the usage period before the segment start. Default 0. */
  grantUsage?: NumericInput | undefined;
}

/**
 * The state at the start of one burn-down segment, read once, from which the state at any instant
 * of the segment follows from the usage since the segment start alone ({@link burnOpenSegment}).
 * Immutable.
 */
export interface OpenSegment {
  /** The active grants' balances in burn order, after the outstanding overage was repaid. */
  readonly balances: ReadonlyArray<readonly [grantId: string, balance: Decimal]>;
  /** Σ balances. */
  readonly balance: Decimal;
  readonly overage: Decimal;
  readonly usage: Decimal;
  readonly grantUsage: Decimal;
}

/**
 * Reads a segment-start state for the grants active at `atMs` (as `burnDown` opens a run: given
 * balances, full amounts for the other active grants, then the overage repaid in burn order).
 * @throws ValidationError when a stored amount is not a decimal.
 * @example
 * const open = openSegment({ balances: { monthly: '90' }, overage: '0' }, prepared, Date.parse('2024-03-01T00:00:00Z'));
 */
export function openSegment(state: SegmentStateInput, grants: PreparedGrants, atMs: number): OpenSegment {
  const balances: Array<[string, Decimal]> = [];
  let overage = state.overage === undefined ? ZERO : parseDecimal(state.overage, 'overage');
  let grantUsage = state.grantUsage === undefined ? ZERO : parseDecimal(state.grantUsage, 'grantUsage');
  let balance = ZERO;
  for (const grant of grants.grants) {
    if (!isGrantActiveAt(grant, atMs)) continue;
    const stored = state.balances[grant.id];
    let amount = stored === undefined ? grant.amount : parseDecimal(stored, `balances.${grant.id}`);
    if (overage.isPositive() && !overage.isZero() && !amount.isZero()) {
      const repaid = amount.lt(overage) ? amount : overage;
      amount = amount.minus(repaid);
      overage = overage.minus(repaid);
      grantUsage = grantUsage.plus(repaid);
    }
    balances.push([grant.id, amount]);
    balance = balance.plus(amount);
  }
  const usage = state.usage === undefined ? ZERO : parseDecimal(state.usage, 'usage');
  return Object.freeze({ balances: Object.freeze(balances), balance, overage, usage, grantUsage });
}

/**
 * The state at an instant of the segment opened by `open`, given the usage since the segment
 * start (≥ 0): the same totals `burnDown` computes for a run through one segment — the grants give
 * min(balance, usage) in burn order, the rest is overage. `undefined` for a negative usage (a
 * refund restores grants in reverse order: run `burnDown` for that).
 * @example
 * burnOpenSegment(open, '30'); // { balance: '60', usage: '30', overage: '0', totalAvailableGrantAmount: '90' }
 */
export function burnOpenSegment(open: OpenSegment, usageSince: NumericInput | Decimal): MeteredBalance | undefined {
  const used = typeof usageSince === 'object' ? usageSince : parseDecimal(usageSince, 'usage');
  if (used.isNegative()) return undefined;
  const burned = used.lt(open.balance) ? used : open.balance;
  const balance = open.balance.minus(burned);
  const grantUsage = open.grantUsage.plus(burned);
  return {
    balance: formatDecimal(balance),
    usage: formatDecimal(open.usage.plus(used)),
    overage: formatDecimal(open.overage.plus(used.minus(burned))),
    totalAvailableGrantAmount: formatDecimal(balance.plus(grantUsage)),
  };
}

/**
 * For each grant with a positive balance at the segment start, the usage since the start at which
 * it is used up (its balance plus those burnt before it).
 * @example
 * depletionPoints(open); // [{ grantId: 'promo', at: Decimal(20) }, { grantId: 'monthly', at: Decimal(110) }]
 */
export function depletionPoints(open: OpenSegment): Array<{ grantId: string; at: Decimal }> {
  const out: Array<{ grantId: string; at: Decimal }> = [];
  let cumulative = ZERO;
  for (const [grantId, balance] of open.balances) {
    if (balance.isZero()) continue;
    cumulative = cumulative.plus(balance);
    out.push({ grantId, at: cumulative });
  }
  return out;
}
