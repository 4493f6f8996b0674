import type { IgnoredBy } from '../../core/metering';

/** A stored usage event, as `tg.events.list` returns it. */
export interface UsageEvent {
  id: string;
  source: string;
  type: string;
  subject: string;
  time: Date;
  data: Record<string, unknown> | null;
  /** When Tollgate stored it. */
  ingestedAt: Date;
  /** Meters of its type that ignore it because its value is missing or not numeric, and why. */
  ignoredBy: IgnoredBy[];
}

/** What `tg.events.ingest` did with a batch. */
export interface IngestResult {
  /** Events stored by this call. */
  accepted: number;
  /** Events whose (source, id) was already stored, or appeared earlier in the batch: not stored again. */
  duplicates: number;
  /** Malformed events, with their position in the batch and why; the rest of the batch was stored. */
  rejected: Array<{ index: number; id?: string; code: string; message: string }>;
}
