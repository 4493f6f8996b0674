import { type GroupFilter, compileGroupFilter } from '../core/entitlements';
import { type CompiledMeter, ExactSum, type RollupCell, type ValidEvent, addExact, compareExact, formatExact, fromStoredDecimal } from '../core/metering';
import type { StorageTransaction, TailAddition, TrackedEntitlement, UsageCheckpointRecord } from '../storage';
import type { ServiceContext } from './context';
import type { PendingNotification } from './entitlement-events';
import type { EntitlementNotifier } from './entitlement-notifier';

/** What ingestion tells entitlements about one transaction (see `EventsService`). */
export interface IngestSession {
  /** Called after the events and rollups of one meter were stored, in the ingest transaction. */
  meterStored(meter: CompiledMeter, events: readonly ValidEvent[], cells: readonly RollupCell[]): Promise<void>;
  /** Called last in the ingest transaction; returns what to run after it committed. */
  finish(): Promise<() => void>;
}

/** Something that follows ingestion inside its transactions. */
export interface IngestObserver {
  observe(tx: StorageTransaction): IngestSession;
}

interface SubjectSpan {
  min: number;
  max: number;
}

/**
 * Keeps entitlements' usage checkpoints exact as events arrive, in the ingest transaction: for each
 * metered entitlement whose customer owns a subject of the batch (attribution now), the batch's
 * usage (from the rollup delta, filtered by the feature's group filters) is added to the
 * checkpoint's tail. A late event (stamped before the checkpoint's segment start) drops the
 * checkpoint and every balance snapshot after it, so the next check replays exactly. Entitlements
 * that may notify (a tail past the next notification point, or no checkpoint) are evaluated and
 * their notifications written to the outbox before the commit.
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
    const spans = new Map<string, SubjectSpan>();
    for (const e of events) {
      const span = spans.get(e.subject);
      if (span === undefined) spans.set(e.subject, { min: e.timeMs, max: e.timeMs });
      else {
        if (e.timeMs < span.min) span.min = e.timeMs;
        if (e.timeMs > span.max) span.max = e.timeMs;
      }
    }
    const tracked = await tx.entitlements.findTracked(meter.key, [...spans.keys()]);
    if (tracked.length === 0) return;
    const ids = tracked.map((t) => t.entitlementId);
    const checkpoints = new Map((await tx.usageCheckpoints.getMany(ids)).map((k) => [k.entitlementId, k]));
    const cellsBySubject = groupBySubject(cells);
    const additions: TailAddition[] = [];
    const dropped: string[] = [];
    const cuts: Array<{ entitlementId: string; afterMs: number }> = [];
    for (const t of tracked) {
      const { min, max } = spanOf(t.subjects, spans);
      const k = checkpoints.get(t.entitlementId);
      const delta = k !== undefined && min >= k.segmentStartMs ? this.usageOf(meter, t, cellsBySubject) : undefined;
      if (k === undefined || delta === undefined) {
        if (k !== undefined) dropped.push(t.entitlementId);
        cuts.push({ entitlementId: t.entitlementId, afterMs: min });
        toEvaluate.add(t.entitlementId);
        continue;
      }
      additions.push({ entitlementId: t.entitlementId, version: k.version, segmentStartMs: k.segmentStartMs, delta, boundMs: max + 1 });
    }
    await tx.usageCheckpoints.delete(dropped);
    await tx.balanceSnapshots.deleteAfterMany(cuts);
    const deltas = new Map<string, string>();
    for (const a of additions) if (checkpoints.get(a.entitlementId)?.notifyAt != null) deltas.set(a.entitlementId, a.delta);
    for (const id of await tx.usageCheckpoints.addToTails(additions)) {
      const delta = deltas.get(id);
      if (delta !== undefined && mayNotify(checkpoints.get(id), delta)) toEvaluate.add(id);
    }
  }

  /** The batch's usage for one entitlement (its subjects, its feature's groups); undefined when negative. */
  private usageOf(meter: CompiledMeter, t: TrackedEntitlement, cellsBySubject: ReadonlyMap<string, RollupCell[]>): string | undefined {
    const accepts = this.filterOf(meter, t);
    const sum = new ExactSum();
    for (const subject of t.subjects) {
      for (const cell of cellsBySubject.get(subject) ?? []) {
        if (!accepts(cell.groupKey)) continue;
        if (meter.aggregation === 'COUNT') sum.add(cell.count);
        else if (cell.sum !== null) sum.add(cell.sum);
      }
    }
    const value = sum.value();
    if (typeof value === 'number' ? value < 0 : value.startsWith('-')) return undefined;
    return formatExact(value);
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

function groupBySubject(cells: readonly RollupCell[]): Map<string, RollupCell[]> {
  const out = new Map<string, RollupCell[]>();
  for (const cell of cells) {
    const list = out.get(cell.subject);
    if (list === undefined) out.set(cell.subject, [cell]);
    else list.push(cell);
  }
  return out;
}

function spanOf(subjects: readonly string[], spans: ReadonlyMap<string, SubjectSpan>): SubjectSpan {
  let min = Infinity;
  let max = -Infinity;
  for (const s of subjects) {
    const span = spans.get(s);
    if (span === undefined) continue;
    if (span.min < min) min = span.min;
    if (span.max > max) max = span.max;
  }
  return { min, max };
}

/** True when the tail, after adding `delta` (the entitlement is locked, so nobody else added), reaches the notification point. */
function mayNotify(k: UsageCheckpointRecord | undefined, delta: string): boolean {
  if (k === undefined || k.notifyAt === null) return false;
  const tail = addExact(fromStoredDecimal(k.tail), fromStoredDecimal(delta));
  return compareExact(tail, fromStoredDecimal(k.notifyAt)) >= 0;
}
