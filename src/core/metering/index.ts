/**
 * Metering core: JSONPaths, event validation, meter values, exact rollups and windowed queries.
 * Pure: no I/O and no clock (the current time is an argument).
 * @packageDocumentation
 */
export { compileJsonPath, MAX_JSON_PATH_LENGTH, type JsonPath, type JsonPathSegment } from './json-path';
export {
  readExactValue,
  fromDecimal,
  fromStoredDecimal,
  fromStoredNullableDecimal,
  toDecimal,
  addExact,
  compareExact,
  minExact,
  maxExact,
  formatExact,
  type ExactValue,
} from './exact-value';
export { ExactSum } from './exact-sum';
export { AGGREGATIONS, readsNumericValue, requiresValueProperty, type Aggregation } from './aggregation';
export type { EventInput, ValidEvent, RejectedEvent } from './event';
export { validateEvent, isRejected, MAX_EVENT_STRING_LENGTH, type EventValidation } from './validate-event';
export { toGroupValue, encodeGroupKey, decodeGroupKey, EMPTY_GROUP_KEY } from './group-value';
export { readMeterValue, type MeterValue } from './meter-value';
export { compileMeter, type CompiledMeter, type MeterSpec, type MeterReading } from './meter-definition';
export { meterDefinitionIssues } from './meter-definition-issues';
export { ROLLUP_BUCKET_MS, bucketOf, type RollupCell, type DistinctValue } from './rollup-cell';
export { mergeCellInto } from './merge-cell';
export { CellAccumulator } from './cell-accumulator';
export { rollupEvents, type MeteredEvent, type RollupDelta } from './rollup-batch';
export { planWindows, MAX_QUERY_WINDOWS, type WindowPlan, type QueryWindow, type MsRange, type PlanWindowsOptions } from './window-plan';
export { aggregateMeterQuery, type MeterQueryRow, type MeterQuerySpec, type MeterQueryData } from './meter-query';
export { ignoredBy, type IgnoredBy } from './ignored-by';
export { meterTotal } from './meter-total';
export type { MeteringConflictTarget } from './errors';
export { queryDimensionIssues } from './query-dimension-issues';
export { querySubjects } from './query-subjects';
export { queryRange } from './query-range';
