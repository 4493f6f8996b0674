import { type GroupFilter, compileGroupFilter, earliestOf, entitlementBatchUsage, fileCells, splitAtNow, subjectSpans } from '../../core/entitlements';
import { type CompiledMeter, type RollupCell, type ValidEvent, rollupEvents } from '../../core/metering';
import type { StorageTransaction, TrackedEntitlement, UsageAddition } from '../../storage';
import type { ServiceContext } from '../shared/context';
import type { IngestObserver, IngestSession } from '../metering/ingest-observer';
import type { PendingNotification } from '../notifications/outbox';
import type { EntitlementNotifier } from './entitlement-notifier';

/** The earliest instant a Date holds: a tail bound that raises nothing. */
const MIN_INSTANT_MS = -8.64e15;

/** Balance snapshots of one entitlement to drop after an instant. */
interface SnapshotCut {
  entitlementId: string;
  afterMs: number;
}

/**
 * Keeps entitlements' usage checkpoints exact as events arrive, in the ingest transaction: for each
 * metered entitlement whose customer owns a subject of the batch (attribution now), the batch's
 * usage (from the rollup delta, filtered by the feature's group filters) is added to the
 * checkpoint's tail, in one repository write that reads no checkpoint first and reports only the
 * exceptions. Events stamped after now (a skewed client clock) are kept out of the tails: the
 * earliest of them marks where the checkpoint's pending usage starts, so checks before it keep the
 * fast path and the first check at or after it rebuilds. A late event (stamped before the checkpoint's segment start) drops the checkpoint and
 * every balance snapshot after it, so the next check replays exactly. Entitlements that may notify
 * (a tail past the next notification point, or no checkpoint) are evaluated and their
 * notifications written to the outbox before the commit.
 */
export class UsageTracker implements IngestObserver {
  private readonly filters = new Map<string, GroupFilter>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly notifier: EntitlementNotifier,
  ) {}

  observe(tx: StorageTransaction): IngestSession {
    const toEvaluate = new Set<string>();
    return {
      meterStored: (meter, events, cells) => this.meterStored(tx, meter, events, cells, toEvaluate),
      finish: async () => {
        const pending: PendingNotification[] = [];
        const nowMs = this.ctx.clock.now().getTime();
        for (const id of [...toEvaluate].sort()) {
          const record = await tx.entitlements.findById(id);
          if (record !== undefined) await this.notifier.evaluate(tx, record, nowMs, pending);
        }
        await this.notifier.write(tx, pending);
        return () => this.notifier.emit(pending);
      },
    };
  }

  private async meterStored(tx: StorageTransaction, meter: CompiledMeter, events: readonly ValidEvent[], cells: readonly RollupCell[], toEvaluate: Set<string>): Promise<void> {
    if (meter.aggregation === 'UNIQUE_COUNT' || events.length === 0) return;
    const { present, future } = splitAtNow(events, this.ctx.clock.now().getTime());
    const batch = subjectSpans(present);
    const pending = subjectSpans(future);
    const tracked = await tx.entitlements.findTracked(meter.key, [...new Set([...batch.keys(), ...pending.keys()])]);
    if (tracked.length === 0) return;
    // Rare: with future-stamped events, the tails take the cells of the others only.
    fileCells(batch, future.length === 0 ? cells : rollupEvents(meter, present).cells);
    const additions: UsageAddition[] = [];
    const cuts: SnapshotCut[] = [];
    const count = meter.aggregation === 'COUNT';
    for (const t of tracked) {
      const usage = entitlementBatchUsage(t.subjects, batch, this.filterOf(meter, t), count);
      const pendingFromMs = future.length === 0 ? null : earliestOf(t.subjects, pending);
      const fromMs = Math.min(usage.min, pendingFromMs ?? Infinity);
      if (usage.delta === undefined) cuts.push({ entitlementId: t.entitlementId, afterMs: fromMs });
      else additions.push({ entitlementId: t.entitlementId, fromMs, delta: usage.delta, boundMs: usage.max === -Infinity ? MIN_INSTANT_MS : usage.max + 1, pendingFromMs });
    }
    const outcome = await tx.usageCheckpoints.addUsage(additions);
    for (const id of outcome.reached) toEvaluate.add(id);
    if (outcome.missed.length > 0) cuts.push(...missedCuts(outcome.missed, additions));
    if (cuts.length === 0) return;
    // Late usage (or none to add): drop the checkpoint and the snapshots after the earliest event; the next check replays.
    await tx.usageCheckpoints.delete(cuts.map((c) => c.entitlementId));
    await tx.balanceSnapshots.deleteAfterMany(cuts);
    for (const c of cuts) toEvaluate.add(c.entitlementId);
  }

  private filterOf(meter: CompiledMeter, t: TrackedEntitlement): GroupFilter {
    let filter = this.filters.get(t.featureId);
    if (filter === undefined) {
      filter = compileGroupFilter(meter.dimensions, t.filters);
      if (this.filters.size > 10_000) this.filters.clear();
      this.filters.set(t.featureId, filter);
    }
    return filter;
  }
}

/** Snapshot cuts at the earliest event of each addition a checkpoint did not take. */
function missedCuts(missed: readonly string[], additions: readonly UsageAddition[]): SnapshotCut[] {
  const fromMs = new Map(additions.map((a) => [a.entitlementId, a.fromMs]));
  return missed.map((id) => ({ entitlementId: id, afterMs: fromMs.get(id) ?? -Infinity }));
}
