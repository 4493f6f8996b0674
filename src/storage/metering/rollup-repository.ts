import type { Aggregation } from '../../core/metering/aggregation';
import type { DistinctValue, RollupCell, RollupReadQuery } from './metering-records';

/**
 * Pre-aggregated meter values per (meter, UTC hour, subject, group values), written in the same
 * transaction as the events they summarize.
 */
export interface RollupRepository {
  /**
   * Merges cells into the stored ones (adding counts and sums exactly, keeping the extreme
   * min/max and the latest value by (time, seq)); creates cells that do not exist. The input has
   * at most one cell per key; `aggregation` (the meter's) says which fields the cells carry.
   */
  merge(meterId: string, aggregation: Aggregation, cells: readonly RollupCell[]): Promise<void>;
  /** Adds distinct values (UNIQUE_COUNT); values already stored are kept once. */
  addDistinct(meterId: string, values: readonly DistinctValue[]): Promise<void>;
  /** A meter's cells in the buckets of [fromMs, toMs) (for the subjects, if given), in no particular order. */
  read(meterId: string, query: RollupReadQuery): Promise<RollupCell[]>;
  /** A meter's distinct values in the buckets of [fromMs, toMs) (for the subjects, if given). */
  readDistinct(meterId: string, query: RollupReadQuery): Promise<DistinctValue[]>;
  /** The earliest bucket the meter has data in, if any. */
  firstBucket(meterId: string): Promise<number | undefined>;
}
