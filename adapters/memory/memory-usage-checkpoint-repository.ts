import { addExact, compareExact, formatExact, fromStoredDecimal } from '../../src/core/metering';
import type { TailAddition, UsageCheckpointRecord, UsageCheckpointRepository } from '../../src/storage';
import type { UsageAddition, UsageAdditionOutcome } from '../../src/storage/usage-checkpoint-repository';
import { type MemoryDatabase, type UndoJournal, journaledDelete, journaledSet } from './memory-database';
import { frozenCopy } from './memory-entitlement-state';

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

  async getMany(entitlementIds: readonly string[]): Promise<UsageCheckpointRecord[]> {
    const out: UsageCheckpointRecord[] = [];
    for (const id of entitlementIds) {
      const found = this.checkpoints.get(id);
      if (found !== undefined) out.push(found);
    }
    return out;
  }

  async put(checkpoint: UsageCheckpointRecord): Promise<void> {
    journaledSet(this.journal, this.checkpoints, checkpoint.entitlementId, frozenCopy(checkpoint));
  }

  async delete(entitlementIds: readonly string[]): Promise<void> {
    for (const id of entitlementIds) journaledDelete(this.journal, this.checkpoints, id);
  }

  async addToTails(additions: readonly TailAddition[]): Promise<string[]> {
    const out: string[] = [];
    for (const a of additions) {
      const current = this.checkpoints.get(a.entitlementId);
      if (current === undefined || current.version !== a.version || current.segmentStartMs !== a.segmentStartMs) continue;
      const tail = formatExact(addExact(fromStoredDecimal(current.tail), fromStoredDecimal(a.delta)));
      journaledSet(this.journal, this.checkpoints, a.entitlementId, withTail(current, tail, Math.max(current.tailBoundMs, a.boundMs)));
      out.push(a.entitlementId);
    }
    return out;
  }

  async addUsage(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome> {
    const checkpoints = this.checkpoints;
    const outcome: UsageAdditionOutcome = { missed: [], reached: [] };
    const replaced: UsageCheckpointRecord[] = [];
    for (const a of additions) {
      const current = checkpoints.get(a.entitlementId);
      if (current === undefined || current.segmentStartMs > a.fromMs) {
        outcome.missed.push(a.entitlementId);
        continue;
      }
      const tail = addExact(fromStoredDecimal(current.tail), fromStoredDecimal(a.delta));
      checkpoints.set(a.entitlementId, withTail(current, formatExact(tail), Math.max(current.tailBoundMs, a.boundMs)));
      replaced.push(current);
      if (current.notifyAt !== null && compareExact(tail, fromStoredDecimal(current.notifyAt)) >= 0) outcome.reached.push(a.entitlementId);
    }
    // One undo step for the batch: put back every replaced checkpoint, newest first.
    if (replaced.length > 0) this.journal.record(() => restore(checkpoints, replaced));
    return outcome;
  }
}

function restore(checkpoints: Map<string, UsageCheckpointRecord>, replaced: readonly UsageCheckpointRecord[]): void {
  for (let i = replaced.length - 1; i >= 0; i--) checkpoints.set(replaced[i]!.entitlementId, replaced[i]!);
}

/** A checkpoint with a new tail (fields listed: spreading a frozen record is slow on this hot path). */
function withTail(k: UsageCheckpointRecord, tail: string, tailBoundMs: number): UsageCheckpointRecord {
  return {
    entitlementId: k.entitlementId,
    version: k.version,
    fingerprint: k.fingerprint,
    segmentStartMs: k.segmentStartMs,
    periodStartMs: k.periodStartMs,
    balances: k.balances,
    overage: k.overage,
    usage: k.usage,
    grantUsage: k.grantUsage,
    tail,
    tailBoundMs,
    notifyAt: k.notifyAt,
  };
}
