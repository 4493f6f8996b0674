import { ROLLUP_BUCKET_MS } from '../../src/core/metering';
import type { RollupCell } from '../../src/storage';

/** An event as the memory adapter keeps it (data as JSON text, parsed on each read). */
export interface MemoryEvent {
  seq: number;
  id: string;
  source: string;
  type: string;
  subject: string;
  timeMs: number;
  dataJson: string | null;
  ingestedAtMs: number;
}

/** True when `a` sorts before `b` by (time, seq). */
const before = (a: MemoryEvent, b: MemoryEvent): boolean => a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
const byTimeSeq = (a: MemoryEvent, b: MemoryEvent): number => a.timeMs - b.timeMs || a.seq - b.seq;
const hourOf = (ms: number): number => Math.floor(ms / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;

/** Index of the first number ≥ `value` in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Events grouped by UTC hour: appends are O(1) whatever the event times (late events included),
 * and an hour's list is sorted by (time, seq) only when it is read out of order.
 */
export class HourIndex {
  private readonly hours = new Map<number, MemoryEvent[]>();
  /** The hours present, ascending. */
  private readonly keys: number[] = [];
  /** Hours whose list may be out of (time, seq) order. */
  private readonly unsorted = new Set<number>();

  add(e: MemoryEvent): void {
    const hour = hourOf(e.timeMs);
    let list = this.hours.get(hour);
    if (list === undefined) {
      this.hours.set(hour, (list = []));
      const last = this.keys[this.keys.length - 1];
      if (last === undefined || last < hour) this.keys.push(hour);
      else this.keys.splice(lowerBound(this.keys, hour), 0, hour);
    }
    const last = list[list.length - 1];
    if (last !== undefined && before(e, last)) this.unsorted.add(hour);
    list.push(e);
  }

  /** Removes an event added earlier (undo of a failed transaction). */
  remove(e: MemoryEvent): void {
    const hour = hourOf(e.timeMs);
    const list = this.hours.get(hour);
    if (list === undefined) return;
    const i = list.lastIndexOf(e);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) {
      this.hours.delete(hour);
      this.unsorted.delete(hour);
      const k = lowerBound(this.keys, hour);
      if (this.keys[k] === hour) this.keys.splice(k, 1);
    }
  }

  /** The events with `from ≤ time < to`, in (time, seq) order, starting after `after` when given. */
  *range(from: number, to: number, after?: { timeMs: number; seq: number }): Generator<MemoryEvent> {
    for (let k = lowerBound(this.keys, hourOf(from)); k < this.keys.length; k++) {
      const hour = this.keys[k]!;
      if (hour >= to) return;
      const list = this.hours.get(hour)!;
      if (this.unsorted.delete(hour)) list.sort(byTimeSeq);
      for (const e of list) {
        if (e.timeMs < from) continue;
        if (e.timeMs >= to) return;
        if (after !== undefined && (e.timeMs < after.timeMs || (e.timeMs === after.timeMs && e.seq <= after.seq))) continue;
        yield e;
      }
    }
  }
}

/** Stored events with the indexes the repositories need. */
export class MemoryEventStore {
  /** By ingestion sequence: `bySeq[seq - 1]`. */
  readonly bySeq: MemoryEvent[] = [];
  /** source → id → seq: the dedupe index (nested, so no key strings are built). */
  readonly bySourceId = new Map<string, Map<string, number>>();
  /** Every event, by hour. */
  readonly timeline = new HourIndex();
  /** type → subject → events by hour. */
  readonly byTypeSubject = new Map<string, Map<string, HourIndex>>();

  /** The ids stored for one source, created on demand. */
  idsOf(source: string): Map<string, number> {
    let ids = this.bySourceId.get(source);
    if (ids === undefined) this.bySourceId.set(source, (ids = new Map()));
    return ids;
  }

  /** The index of one type and subject, created on demand. */
  indexOf(type: string, subject: string): HourIndex {
    let bySubject = this.byTypeSubject.get(type);
    if (bySubject === undefined) this.byTypeSubject.set(type, (bySubject = new Map()));
    let index = bySubject.get(subject);
    if (index === undefined) bySubject.set(subject, (index = new HourIndex()));
    return index;
  }
}

/** bucket → subject → group key → value. */
export type BucketTree<V> = Map<number, Map<string, Map<string, V>>>;

/** One meter's rollup cells and distinct values. */
export class MemoryMeterRollups {
  readonly cells: BucketTree<RollupCell> = new Map();
  readonly distinct: BucketTree<Set<string>> = new Map();
}

/** The leaf map of a (bucket, subject) pair, created on demand. */
export function leafOf<V>(tree: BucketTree<V>, bucket: number, subject: string): Map<string, V> {
  let bySubject = tree.get(bucket);
  if (bySubject === undefined) tree.set(bucket, (bySubject = new Map()));
  let leaf = bySubject.get(subject);
  if (leaf === undefined) bySubject.set(subject, (leaf = new Map()));
  return leaf;
}

/** Removes a (bucket, subject, group) entry and the maps it leaves empty. */
export function deleteLeaf<V>(tree: BucketTree<V>, bucket: number, subject: string, groupKey: string): void {
  const bySubject = tree.get(bucket);
  const leaf = bySubject?.get(subject);
  if (!bySubject || !leaf) return;
  leaf.delete(groupKey);
  if (leaf.size === 0) bySubject.delete(subject);
  if (bySubject.size === 0) tree.delete(bucket);
}
