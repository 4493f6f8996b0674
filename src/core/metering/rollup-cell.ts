import type { ExactValue } from './exact-value';

/** Width of a rollup bucket: one UTC hour, in milliseconds. */
export const ROLLUP_BUCKET_MS = 3_600_000;

/** The start of the rollup bucket (UTC hour) that contains instant `ms`. */
export function bucketOf(ms: number): number {
  return Math.floor(ms / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
}

/**
 * The pre-aggregated values of one meter for one subject, one combination of group values and one
 * UTC hour. Only the fields the meter's aggregation uses are set; the others are null.
 */
export interface RollupCell {
  /** Start of the hour, epoch milliseconds. */
  bucket: number;
  subject: string;
  /** The group values as a stored key (see `encodeGroupKey`). */
  groupKey: string;
  /** Events counted (COUNT), or valid values seen (SUM, AVG, MIN, MAX, LATEST). */
  count: number;
  sum: ExactValue | null;
  min: ExactValue | null;
  max: ExactValue | null;
  /** The latest value by (event time, ingestion sequence). */
  latestTime: number | null;
  latestSeq: number | null;
  latestValue: ExactValue | null;
}

/** One distinct value of a UNIQUE_COUNT meter seen in a (bucket, subject, group) cell. */
export interface DistinctValue {
  bucket: number;
  subject: string;
  groupKey: string;
  value: string;
}
