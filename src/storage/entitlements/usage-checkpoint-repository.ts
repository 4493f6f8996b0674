import type { ExactValue } from '../../core/metering/exact-value';
import type { UsageCheckpointRecord } from './entitlement-records';

/** One entitlement's usage in an ingested batch, for {@link UsageCheckpointRepository.addUsage}. */
export interface UsageAddition {
  entitlementId: string;
  /** The entitlement's earliest event of the batch (epoch ms): a checkpoint whose segment starts after it takes no addition. */
  fromMs: number;
  /** Added to `tail`, not negative: the usage of the batch's events stamped at or before the ingest's now; a safe integer or a canonical decimal string (as rollup cells hold sums). */
  delta: ExactValue;
  /** Raises `tailBoundMs` to at least this (just past the latest event in `delta`). */
  boundMs: number;
  /** The earliest of the batch's events stamped after the ingest's now (left out of `delta`); null for none. Lowers `pendingFromMs` to it. */
  pendingFromMs: number | null;
}

/** What {@link UsageCheckpointRepository.addUsage} did, by exception (the rest took their addition). */
export interface UsageAdditionOutcome {
  /** Entitlements that took no addition: they have no checkpoint, its segment starts after `fromMs`, or its pending usage starts before `boundMs`. */
  missed: string[];
  /** Entitlements that took their addition and whose tail now reaches the checkpoint's `notifyAt`. */
  reached: string[];
}

/** Usage checkpoints (one per metered entitlement at most), inside a transaction. */
export interface UsageCheckpointRepository {
  get(entitlementId: string): Promise<UsageCheckpointRecord | undefined>;
  /** Stores a checkpoint, replacing the entitlement's previous one. */
  put(checkpoint: UsageCheckpointRecord): Promise<void>;
  /** Removes checkpoints (they are recomputed on the next check). */
  delete(entitlementIds: readonly string[]): Promise<void>;
  /**
   * Ingestion's write, in as few statements as the engine allows (no read of the checkpoints
   * first): adds each delta, exactly, to the tail of the entitlement's checkpoint when it has one
   * whose segment starts at or before `fromMs` and whose `pendingFromMs` (if any) is at or after
   * `boundMs` (no event of the delta is stamped at or after it), raises its `tailBoundMs` and lowers
   * its `pendingFromMs` to the addition's. At most one addition
   * per entitlement. The caller holds the entitlements' usage lock (as
   * `EntitlementRepository.findTracked` takes it), so no check replaces these checkpoints meanwhile.
   * Returns only the exceptions: the entitlements missed, and those whose tail reached `notifyAt`.
   */
  addUsage(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome>;
}
