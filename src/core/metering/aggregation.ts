/** The ways a meter aggregates the values of its events. */
export const AGGREGATIONS = ['SUM', 'COUNT', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'] as const;

/** How a meter aggregates: SUM, COUNT, UNIQUE_COUNT, AVG, MIN, MAX or LATEST. */
export type Aggregation = (typeof AGGREGATIONS)[number];

/** True for the aggregations that read a numeric value (all but COUNT and UNIQUE_COUNT). */
export function readsNumericValue(aggregation: Aggregation): boolean {
  return aggregation !== 'COUNT' && aggregation !== 'UNIQUE_COUNT';
}

/** True when the aggregation needs a `valueProperty` (all but COUNT). */
export function requiresValueProperty(aggregation: Aggregation): boolean {
  return aggregation !== 'COUNT';
}
