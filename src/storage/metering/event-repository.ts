import type { Aggregation } from '../../core/metering/aggregation';
import type { EventListQuery, EventRecord, EventScanQuery, NewEventRecord, RollupCell } from './metering-records';

/** Rollup cells to merge along with an append (see {@link EventRepository.appendMerging}). */
export interface RollupMergeInput {
  meterId: string;
  aggregation: Aggregation;
  cells: readonly RollupCell[];
}

/**
 * What {@link EventRepository.appendMerging} did. `merged`: every event was new and the cells were
 * merged; the events' seqs may then be left out. Otherwise `seqs` is as {@link EventRepository.append}
 * returns it, and nothing of the cells was merged.
 */
export type AppendMergeResult = { merged: true; seqs?: Array<number | null> } | { merged: false; seqs: Array<number | null> };

/** Stored usage events: append-only, unique by (source, id) forever. */
export interface EventRepository {
  /**
   * Stores the events whose (source, id) is not stored yet. Returns, for each input event in
   * order, its new ingestion sequence, or null when an event with its (source, id) already existed
   * (the first write wins, also against concurrent transactions and other processes).
   */
  append(events: readonly NewEventRecord[]): Promise<Array<number | null>>;
  /**
   * Optional (adapters where it saves a round trip): {@link EventRepository.append}, and — only when
   * every event was new — the merge of `rollup.cells` into meter `rollup.meterId`'s rollups, as
   * `RollupRepository.merge` would, in the same statement where the engine allows. `merged` tells
   * whether the cells were merged; when false, nothing of them was, and the caller merges the cells
   * of the events that were new. When every event was new, the adapter may leave their seqs out: the
   * caller must not need them (no LATEST meter among the events' meters).
   */
  appendMerging?(events: readonly NewEventRecord[], rollup: RollupMergeInput): Promise<AppendMergeResult>;
  /** Whether an event with this (source, id) is stored. */
  has(source: string, id: string): Promise<boolean>;
  /** Events ordered by (time, seq), filtered, at most `limit`. */
  list(query: EventListQuery): Promise<EventRecord[]>;
  /** The events of one type in the given time ranges (and subjects), in no particular order. */
  scan(query: EventScanQuery): Promise<EventRecord[]>;
  /** Events of one type with seq > `afterSeq`, by seq, at most `limit` (to backfill a new meter). */
  listByType(type: string, afterSeq: number, limit: number): Promise<EventRecord[]>;
}
