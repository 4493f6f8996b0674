import type { MeterRecord } from './metering-records';

/** Meters, as the storage port exposes them inside a transaction. */
export interface MeterRepository {
  /**
   * Inserts a new meter. Throws `ConflictError` (target `meter.key`) when the key is taken. It
   * also waits for ingestions in flight in other transactions and holds off new ones until this
   * transaction ends, so the meter's backfill and concurrent ingestions never miss each other.
   */
  insert(meter: MeterRecord): Promise<void>;
  /** Replaces a stored meter (matched by id); only `archivedAt` and `name` may differ. */
  update(meter: MeterRecord): Promise<void>;
  /** The meter with this id, if any. */
  findById(id: string): Promise<MeterRecord | undefined>;
  /** The meter with this key (archived ones too), if any. */
  findByKey(key: string): Promise<MeterRecord | undefined>;
  /** Meters ordered by id, strictly after `afterId` when given. */
  list(options: { limit: number; afterId?: string; includeArchived: boolean }): Promise<MeterRecord[]>;
  /**
   * Every meter (archived ones too) that reads one of these event types. Ingestion calls it
   * first: until the transaction ends, no meter can be created concurrently.
   */
  listByEventTypes(eventTypes: readonly string[]): Promise<MeterRecord[]>;
}
