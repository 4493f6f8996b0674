import { type ExactValue, addExact, compareExact, formatExact, fromStoredDecimal } from '../../../src/core/metering';
import type { UsageCheckpointRecord, UsageCheckpointRepository } from '../../../src/storage';
import type { UsageAddition, UsageAdditionOutcome } from '../../../src/storage';
import { frozenCopy, journaledDelete, journaledSet, type MemoryDatabase, type UndoJournal } from '../memory-database';

/** Usage checkpoints kept in a {@link MemoryDatabase}. */
export class MemoryUsageCheckpointRepository implements UsageCheckpointRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  private get checkpoints() {
    return this.db.entitlementState.checkpoints;
  }

  async get(entitlementId: string): Promise<UsageCheckpointRecord | undefined> {
    return this.checkpoints.get(entitlementId);
  }

  async put(checkpoint: UsageCheckpointRecord): Promise<void> {
    journaledSet(this.journal, this.checkpoints, checkpoint.entitlementId, frozenCopy(checkpoint));
  }

  async delete(entitlementIds: readonly string[]): Promise<void> {
    for (const id of entitlementIds) journaledDelete(this.journal, this.checkpoints, id);
  }

  async addUsage(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome> {
    const checkpoints = this.checkpoints;
    const outcome: UsageAdditionOutcome = { missed: [], reached: [] };
    const replaced: UsageCheckpointRecord[] = [];
    for (const a of additions) {
      const current = checkpoints.get(a.entitlementId);
      if (current === undefined || current.segmentStartMs > a.fromMs || (current.pendingFromMs !== null && current.pendingFromMs < a.boundMs)) {
        outcome.missed.push(a.entitlementId);
        continue;
      }
      const next = IngestedCheckpoint.adding(current, a.delta, a.boundMs, a.pendingFromMs);
      checkpoints.set(a.entitlementId, next);
      replaced.push(current);
      if (next.reachesNotifyAt()) outcome.reached.push(a.entitlementId);
    }
    // One undo step for the batch: put back every replaced checkpoint, newest first.
    if (replaced.length > 0) this.journal.record(() => restore(checkpoints, replaced));
    return outcome;
  }
}

/**
 * A checkpoint as ingestion leaves it: an ordinary record (the same fields, shared with its
 * predecessor but for the tail), which also keeps its tail and notification point parsed, so the
 * next batch adds to them without reading decimal strings again. The parsed values are private:
 * readers, copies and equality see a plain record.
 */
class IngestedCheckpoint implements UsageCheckpointRecord {
  readonly entitlementId: string;
  readonly version: number;
  readonly fingerprint: string;
  readonly segmentStartMs: number;
  readonly periodStartMs: number;
  readonly balances: Record<string, string>;
  readonly overage: string;
  readonly usage: string;
  readonly grantUsage: string;
  readonly tail: string;
  readonly tailBoundMs: number;
  readonly notifyAt: string | null;
  readonly pendingFromMs: number | null;
  readonly #tail: ExactValue;
  readonly #notifyAt: ExactValue | null;

  private constructor(k: UsageCheckpointRecord, tail: ExactValue, tailBoundMs: number, pendingFromMs: number | null, notifyAt: ExactValue | null) {
    this.entitlementId = k.entitlementId;
    this.version = k.version;
    this.fingerprint = k.fingerprint;
    this.segmentStartMs = k.segmentStartMs;
    this.periodStartMs = k.periodStartMs;
    this.balances = k.balances;
    this.overage = k.overage;
    this.usage = k.usage;
    this.grantUsage = k.grantUsage;
    this.tail = formatExact(tail);
    this.tailBoundMs = tailBoundMs;
    this.notifyAt = k.notifyAt;
    this.pendingFromMs = pendingFromMs;
    this.#tail = tail;
    this.#notifyAt = notifyAt;
  }

  /** `k` with `delta` added to its tail, its tail bound raised to `boundMs` and its pending usage lowered to `pendingFromMs`. */
  static adding(k: UsageCheckpointRecord, delta: ExactValue, boundMs: number, pendingFromMs: number | null): IngestedCheckpoint {
    const parsed = #tail in k;
    const tail = parsed ? k.#tail : fromStoredDecimal(k.tail);
    const notifyAt = parsed ? k.#notifyAt : k.notifyAt === null ? null : fromStoredDecimal(k.notifyAt);
    const pending = pendingFromMs === null ? k.pendingFromMs : k.pendingFromMs === null ? pendingFromMs : Math.min(k.pendingFromMs, pendingFromMs);
    return new IngestedCheckpoint(k, addExact(tail, delta), Math.max(k.tailBoundMs, boundMs), pending, notifyAt);
  }

  /** Whether the tail has reached the notification point. */
  reachesNotifyAt(): boolean {
    return this.#notifyAt !== null && compareExact(this.#tail, this.#notifyAt) >= 0;
  }
}

function restore(checkpoints: Map<string, UsageCheckpointRecord>, replaced: readonly UsageCheckpointRecord[]): void {
  for (let i = replaced.length - 1; i >= 0; i--) checkpoints.set(replaced[i]!.entitlementId, replaced[i]!);
}
