import type { Decimal } from '../money';

/**
 * The cumulative usage a part of a period covers, after the usage discount: (`from`, `to`].
 * `firstPart` is true for the first (or only) part of the period, the one that pays the first
 * tier's flat amount. @internal
 */
export interface UsageRange {
  readonly from: Decimal;
  readonly to: Decimal;
  readonly firstPart: boolean;
}
