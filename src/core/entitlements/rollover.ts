import type { Decimal } from '../money';
import type { ParsedGrant } from './grant';

/**
 * The balance a grant keeps at a reset (docs/semantics.md D8): min(maxRolloverAmount, max(minRolloverAmount,
 * balance)). With the defaults (min 0, max = amount) an unused balance is kept in full; a grant
 * with min = max = N (`issueAfterReset`) always restarts at N.
 * @example
 * rolloverBalance(grant({ amount: 100 }), dec(30));                                        // 30
 * rolloverBalance(grant({ amount: 100, maxRolloverAmount: 20 }), dec(30));                 // 20
 * rolloverBalance(grant({ amount: 100, minRolloverAmount: 50, maxRolloverAmount: 80 }), dec(10)); // 50
 */
export function rolloverBalance(grant: ParsedGrant, balance: Decimal): Decimal {
  const floored = balance.lt(grant.minRolloverAmount) ? grant.minRolloverAmount : balance;
  return floored.gt(grant.maxRolloverAmount) ? grant.maxRolloverAmount : floored;
}
