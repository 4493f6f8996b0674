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

/** Index of the first element not before `e` in a (time, seq)-sorted array. */
export function lowerBound(events: readonly MemoryEvent[], timeMs: number, seq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = events[mid]!;
    if (m.timeMs < timeMs || (m.timeMs === timeMs && m.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts into a (time, seq)-sorted array: a push for events in time order, a splice for late ones. */
export function insertSorted(events: MemoryEvent[], e: MemoryEvent): void {
  const last = events[events.length - 1];
  if (last === undefined || !before(e, last)) events.push(e);
  else events.splice(lowerBound(events, e.timeMs, e.seq), 0, e);
}

/** Removes an event inserted with {@link insertSorted}. */
export function removeSorted(events: MemoryEvent[], e: MemoryEvent): void {
  if (events[events.length - 1] === e) {
    events.pop();
    return;
  }
  const i = lowerBound(events, e.timeMs, e.seq);
  if (events[i] === e) events.splice(i, 1);
}

/** Stored events with the indexes the repositories need. */
export class MemoryEventStore {
  /** By ingestion sequence: `bySeq[seq - 1]`. */
  readonly bySeq: MemoryEvent[] = [];
  /** source → id → seq: the dedupe index (nested, so no key strings are built). */
  readonly bySourceId = new Map<string, Map<string, number>>();
  /** Every event by (time, seq). */
  readonly byTime: MemoryEvent[] = [];
  /** type → subject → events by (time, seq). */
  readonly byTypeSubject = new Map<string, Map<string, MemoryEvent[]>>();

  /** The ids stored for one source, created on demand. */
  idsOf(source: string): Map<string, number> {
    let ids = this.bySourceId.get(source);
    if (ids === undefined) this.bySourceId.set(source, (ids = new Map()));
    return ids;
  }

  /** The (time, seq)-sorted list of one type and subject, created on demand. */
  listOf(type: string, subject: string): MemoryEvent[] {
    let bySubject = this.byTypeSubject.get(type);
    if (bySubject === undefined) this.byTypeSubject.set(type, (bySubject = new Map()));
    let list = bySubject.get(subject);
    if (list === undefined) bySubject.set(subject, (list = []));
    return list;
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

