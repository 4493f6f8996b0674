/**
 * Metering records: meters, stored events and rollups as the storage port reads and writes them.
 * Event times are epoch milliseconds (they are on the ingestion hot path); meter instants are Dates.
 */
import type { Aggregation } from '../../core/metering/aggregation';

export type { RollupCell, DistinctValue } from '../../core/metering/rollup-cell';
export type { MsRange } from '../../core/metering/window-plan';

/** A meter as stored. Only `archivedAt` ever changes after creation. */
export interface MeterRecord {
  id: string;
  /** Unique forever (archived meters keep theirs): `^[a-z0-9]+(?:_[a-z0-9]+)*$`, 1–64 characters. */
  key: string;
  name: string | null;
  /** The events it reads. */
  eventType: string;
  aggregation: Aggregation;
  /** JSONPath of the value; null for COUNT without one. */
  valueProperty: string | null;
  /** Dimension name → JSONPath. */
  groupBy: Record<string, string>;
  createdAt: Date;
  archivedAt: Date | null;
}

/** An event to store (validated; no two in one call share `(source, id)`). */
export interface NewEventRecord {
  id: string;
  source: string;
  type: string;
  subject: string;
  /** Event time, epoch milliseconds. */
  timeMs: number;
  /** `data` as JSON text, or null. */
  dataJson: string | null;
  /** When it was stored, epoch milliseconds. */
  ingestedAtMs: number;
}

/** A stored event. */
export interface EventRecord {
  /** Ingestion sequence: increases with each stored event (orders LATEST ties and `list`). */
  seq: number;
  id: string;
  source: string;
  type: string;
  subject: string;
  timeMs: number;
  data: Record<string, unknown> | null;
  ingestedAtMs: number;
}

/** A position in the (time, seq) order of events, for paging. */
export interface EventPosition {
  timeMs: number;
  seq: number;
}

/** Filters of {@link EventRepository.list}. */
export interface EventListQuery {
  fromMs?: number;
  toMs?: number;
  subject?: string;
  type?: string;
  /** Only events strictly after this position. */
  after?: EventPosition;
  limit: number;
}

/** Filters of {@link EventRepository.scan}: the raw events a meter query reads. */
export interface EventScanQuery {
  type: string;
  /** Only these subjects; null for all. */
  subjects: readonly string[] | null;
  /** Half-open time ranges, ascending and disjoint. */
  ranges: readonly { from: number; to: number }[];
}

/** Which rollups to read: hour buckets in [fromMs, toMs), optionally for some subjects only. */
export interface RollupReadQuery {
  fromMs: number;
  toMs: number;
  /** Only these subjects; null for all. */
  subjects: readonly string[] | null;
}
