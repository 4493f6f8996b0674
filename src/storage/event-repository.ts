import type { EventListQuery, EventRecord, EventScanQuery, NewEventRecord } from './metering-records';

/** Stored usage events: append-only, unique by (source, id) forever. */
export interface EventRepository {
  /**
   * Stores the events whose (source, id) is not stored yet. Returns, for each input event in
   * order, its new ingestion sequence, or null when an event with its (source, id) already existed
   * (the first write wins, also against concurrent transactions and other processes).
   */
  append(events: readonly NewEventRecord[]): Promise<Array<number | null>>;
  /** Events ordered by (time, seq), filtered, at most `limit`. */
  list(query: EventListQuery): Promise<EventRecord[]>;
  /** The events of one type in the given time ranges (and subjects), in no particular order. */
  scan(query: EventScanQuery): Promise<EventRecord[]>;
  /** Events of one type with seq > `afterSeq`, by seq, at most `limit` (to backfill a new meter). */
  listByType(type: string, afterSeq: number, limit: number): Promise<EventRecord[]>;
}
