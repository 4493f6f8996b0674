import type { UsageCheckpointRecord } from './entitlement-records';

/** One addition of ingested usage to a checkpoint, applied only if the checkpoint is the one it was computed for. */
export interface TailAddition {
  entitlementId: string;
  version: number;
  segmentStartMs: number;
  /** Decimal string added to `tail`. */
  delta: string;
  /** Raises `tailBoundMs` to at least this. */
  boundMs: number;
}

/** Usage checkpoints (one per metered entitlement at most), inside a transaction. */
export interface UsageCheckpointRepository {
  get(entitlementId: string): Promise<UsageCheckpointRecord | undefined>;
  /** The checkpoints of these entitlements that exist. */
  getMany(entitlementIds: readonly string[]): Promise<UsageCheckpointRecord[]>;
  /** Stores a checkpoint, replacing the entitlement's previous one. */
  put(checkpoint: UsageCheckpointRecord): Promise<void>;
  /** Removes checkpoints (they are recomputed on the next check). */
  delete(entitlementIds: readonly string[]): Promise<void>;
  /**
   * Adds to tails atomically (safe against concurrent ingestion), each only when the stored
   * checkpoint still has the given version and segment start. Returns the ids of the checkpoints
   * changed.
   */
  addToTails(additions: readonly TailAddition[]): Promise<string[]>;
}
