import { ROLLUP_BUCKET_MS } from '../../../src/core/metering';
import type { EventRecord, NewEventRecord, RollupCell } from '../../../src/storage';

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

const hourOf = (ms: number): number => Math.floor(ms / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;

/**
 * Events (by sequence number) grouped by UTC hour: appends are O(1) whatever the event times (late
 * events included), and an hour's list is sorted by (time, seq) only when it is read out of order.
 * It holds numbers only, so a large index costs the garbage collector nothing to trace.
 */
export class HourIndex {
  private readonly hours = new Map<number, number[]>();
  /** The hours present, ascending. */
  private readonly keys: number[] = [];
  /** Hours whose list may be out of (time, seq) order. */
  private readonly unsorted = new Set<number>();

  /** The hour last appended to and its list: live traffic appends to one hour at a time. */
  private lastHour = Number.NaN;
  private lastList: number[] = [];

  /** @param times - event times by seq - 1 (the store's column). */
  constructor(private readonly times: readonly number[]) {}

  add(seq: number): void {
    const time = this.times[seq - 1]!;
    const hour = hourOf(time);
    const list = hour === this.lastHour ? this.lastList : this.listOf(hour);
    const last = list[list.length - 1];
    if (last !== undefined && this.times[last - 1]! > time) this.unsorted.add(hour);
    list.push(seq);
  }

  /** The list of an hour, created on demand, remembered as the last one appended to. */
  private listOf(hour: number): number[] {
    let list = this.hours.get(hour);
    if (list === undefined) {
      this.hours.set(hour, (list = []));
      const last = this.keys[this.keys.length - 1];
      if (last === undefined || last < hour) this.keys.push(hour);
      else this.keys.splice(lowerBound(this.keys, hour), 0, hour);
    }
    this.lastHour = hour;
    this.lastList = list;
    return list;
  }

  /** Removes an event added earlier (undo of a failed transaction). */
  remove(seq: number): void {
    const hour = hourOf(this.times[seq - 1]!);
    const list = this.hours.get(hour);
    if (list === undefined) return;
    const i = list.lastIndexOf(seq);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) {
      if (hour === this.lastHour) this.lastHour = Number.NaN;
      this.hours.delete(hour);
      this.unsorted.delete(hour);
      const k = lowerBound(this.keys, hour);
      if (this.keys[k] === hour) this.keys.splice(k, 1);
    }
  }

  /** The events with `from ≤ time < to`, in (time, seq) order, after the position `after` when given. */
  *range(from: number, to: number, after?: { timeMs: number; seq: number }): Generator<number> {
    const times = this.times;
    for (let k = lowerBound(this.keys, hourOf(from)); k < this.keys.length; k++) {
      const hour = this.keys[k]!;
      if (hour >= to) return;
      const list = this.hours.get(hour)!;
      if (this.unsorted.delete(hour)) list.sort((a, b) => times[a - 1]! - times[b - 1]! || a - b);
      for (const seq of list) {
        const time = times[seq - 1]!;
        if (time < from) continue;
        if (time >= to) return;
        if (after !== undefined && (time < after.timeMs || (time === after.timeMs && seq <= after.seq))) continue;
        yield seq;
      }
    }
  }
}

/**
 * Stored events, column by column (event `seq` at index `seq - 1`): no object per event, so a
 * store of millions of events stays cheap for the garbage collector.
 */
export class MemoryEventStore {
  readonly ids: string[] = [];
  readonly sources: string[] = [];
  readonly types: string[] = [];
  readonly subjects: string[] = [];
  readonly times: number[] = [];
  readonly dataJsons: Array<string | null> = [];
  readonly ingestedAts: number[] = [];
  /** source → id → seq: the dedupe index (nested, so no key strings are built). */
  readonly bySourceId = new Map<string, Map<string, number>>();
  /** Every event, by hour. */
  readonly timeline = new HourIndex(this.times);
  /** type → subject → events by hour. */
  readonly byTypeSubject = new Map<string, Map<string, HourIndex>>();

  /** How many events are stored (the last seq). */
  get size(): number {
    return this.ids.length;
  }

  /** Appends an event's columns and returns its seq (the indexes are the caller's business). */
  push(e: NewEventRecord): number {
    this.ids.push(e.id);
    this.sources.push(e.source);
    this.types.push(e.type);
    this.subjects.push(e.subject);
    this.times.push(e.timeMs);
    this.dataJsons.push(e.dataJson);
    this.ingestedAts.push(e.ingestedAtMs);
    return this.ids.length;
  }

  /** Removes the last event's columns. */
  pop(): void {
    this.ids.pop();
    this.sources.pop();
    this.types.pop();
    this.subjects.pop();
    this.times.pop();
    this.dataJsons.pop();
    this.ingestedAts.pop();
  }

  /** The stored event `seq` as a record (its data parsed anew, so callers cannot change it). */
  record(seq: number): EventRecord {
    const i = seq - 1;
    const json = this.dataJsons[i]!;
    return {
      seq,
      id: this.ids[i]!,
      source: this.sources[i]!,
      type: this.types[i]!,
      subject: this.subjects[i]!,
      timeMs: this.times[i]!,
      data: json === null ? null : (JSON.parse(json) as Record<string, unknown>),
      ingestedAtMs: this.ingestedAts[i]!,
    };
  }

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
    if (index === undefined) bySubject.set(subject, (index = new HourIndex(this.times)));
    return index;
  }
}

/** One subject's entries of a meter: by bucket (ascending keys kept aside), then by group key. */
export class SubjectBuckets<V> {
  readonly byBucket = new Map<number, Map<string, V>>();
  /** The buckets present, ascending. */
  readonly keys: number[] = [];

  /** The bucket last asked for and its leaf (live traffic stays in one bucket). */
  private lastBucket = Number.NaN;
  private lastLeaf: Map<string, V> | undefined;

  /** The leaf of a bucket, created on demand. */
  leaf(bucket: number): Map<string, V> {
    if (bucket === this.lastBucket) return this.lastLeaf!;
    let leaf = this.byBucket.get(bucket);
    if (leaf === undefined) {
      this.byBucket.set(bucket, (leaf = new Map()));
      const last = this.keys[this.keys.length - 1];
      if (last === undefined || last < bucket) this.keys.push(bucket);
      else this.keys.splice(lowerBound(this.keys, bucket), 0, bucket);
    }
    this.lastBucket = bucket;
    this.lastLeaf = leaf;
    return leaf;
  }

  /** Removes a group's entry, and its bucket when it empties. */
  delete(bucket: number, groupKey: string): void {
    const leaf = this.byBucket.get(bucket);
    if (leaf === undefined) return;
    leaf.delete(groupKey);
    if (leaf.size > 0) return;
    if (bucket === this.lastBucket) this.lastBucket = Number.NaN;
    this.byBucket.delete(bucket);
    const k = lowerBound(this.keys, bucket);
    if (this.keys[k] === bucket) this.keys.splice(k, 1);
  }

  /** Visits the leaves of the buckets in [from, to), ascending. */
  forEachIn(from: number, to: number, visit: (bucket: number, leaf: Map<string, V>) => void): void {
    for (let k = lowerBound(this.keys, from); k < this.keys.length && this.keys[k]! < to; k++) {
      const bucket = this.keys[k]!;
      visit(bucket, this.byBucket.get(bucket)!);
    }
  }
}

/** subject → its buckets. */
export type SubjectTree<V> = Map<string, SubjectBuckets<V>>;

/** One meter's rollup cells and distinct values, subject first (a query reads its subjects' ranges). */
export class MemoryMeterRollups {
  readonly cells: SubjectTree<RollupCell> = new Map();
  readonly distinct: SubjectTree<Set<string>> = new Map();
}

/** The buckets of one subject, created on demand. */
export function subjectOf<V>(tree: SubjectTree<V>, subject: string): SubjectBuckets<V> {
  let buckets = tree.get(subject);
  if (buckets === undefined) tree.set(subject, (buckets = new SubjectBuckets()));
  return buckets;
}
