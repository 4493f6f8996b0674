import type { Aggregation } from '../metering';
import type { BurnDownAggregation } from './burn-down-input';

/** The meter aggregations a metered entitlement can burn down (flows and a level). */
export const BURNABLE_AGGREGATIONS: readonly Aggregation[] = ['SUM', 'COUNT', 'LATEST'];

/** True when a metered entitlement can burn a meter with this aggregation. */
export const isBurnable = (aggregation: Aggregation): boolean => BURNABLE_AGGREGATIONS.includes(aggregation);

/**
 * How the burn-down engine combines a meter's values: LATEST is a level, every other burnable
 * aggregation a flow (COUNT counts like SUM adds).
 * @example
 * burnDownAggregationOf('COUNT'); // 'COUNT'
 */
export function burnDownAggregationOf(aggregation: Aggregation): BurnDownAggregation {
  return aggregation === 'LATEST' ? 'LATEST' : aggregation === 'COUNT' ? 'COUNT' : 'SUM';
}
