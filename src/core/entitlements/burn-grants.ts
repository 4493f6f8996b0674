import { ZERO, type Decimal } from '../money';
import type { ParsedGrant } from './grant';

/** How much one grant gave (positive) or got back (negative) in one step. @internal */
export interface GrantBurn {
  readonly grantId: string;
  readonly amount: Decimal;
}

/** The outcome of {@link burnGrants} and {@link restoreGrants}. @internal */
export interface BurnOutcome {
  /** The grants touched, in the order they were touched; zero amounts are left out. */
  readonly burns: GrantBurn[];
  /** What no grant could take (the new overage, or the part of a refund that could not be restored). */
  readonly remainder: Decimal;
}

/**
 * Burns `amount` (≥ 0) from the balances of the active grants, in burn order: each grant gives
 * min(its balance, what is left), so a balance never goes below zero. `balances` holds exactly the
 * active grants and is updated in place; `ordered` is every grant of the run in burn order.
 * @internal
 * @example
 * burnGrants(new Map([['a', dec(10)], ['b', dec(5)]]), [a, b], dec(12));
 * // balances a: 0, b: 3; burns [a 10, b 2]; remainder 0
 */
export function burnGrants(balances: Map<string, Decimal>, ordered: readonly ParsedGrant[], amount: Decimal): BurnOutcome {
  const burns: GrantBurn[] = [];
  let left = amount;
  for (const grant of ordered) {
    if (!left.isPositive() || left.isZero()) break;
    const balance = balances.get(grant.id);
    if (balance === undefined || balance.isZero()) continue;
    const take = balance.lt(left) ? balance : left;
    balances.set(grant.id, balance.minus(take));
    burns.push({ grantId: grant.id, amount: take });
    left = left.minus(take);
  }
  return { burns, remainder: left.isZero() ? ZERO : left };
}

/**
 * Gives `amount` (≥ 0, a refund from negative usage) back to the active grants in reverse burn
 * order, each up to its `amount` (a balance already above it is left alone). Burns are reported
 * with negative amounts; the remainder is what no grant could take back. @internal
 * @example
 * restoreGrants(new Map([['a', dec(0)], ['b', dec(3)]]), [a, b], dec(4)); // b: 5 (its amount), a: 2
 */
export function restoreGrants(balances: Map<string, Decimal>, ordered: readonly ParsedGrant[], amount: Decimal): BurnOutcome {
  const burns: GrantBurn[] = [];
  let left = amount;
  for (let i = ordered.length - 1; i >= 0 && left.isPositive() && !left.isZero(); i -= 1) {
    const grant = ordered[i] as ParsedGrant;
    const balance = balances.get(grant.id);
    if (balance === undefined || balance.gte(grant.amount)) continue;
    const room = grant.amount.minus(balance);
    const give = room.lt(left) ? room : left;
    balances.set(grant.id, balance.plus(give));
    burns.push({ grantId: grant.id, amount: give.negated() });
    left = left.minus(give);
  }
  return { burns, remainder: left.isZero() ? ZERO : left };
}
