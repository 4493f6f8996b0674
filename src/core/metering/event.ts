import type { Instant } from '../time/instant';

/**
 * A usage event as Tollgate accepts it: CloudEvents-shaped. `(source, id)` identifies it forever;
 * `subject` says whose usage it is (a customer's subject key); `type` selects the meters that read
 * it; `data` holds the values meters read with their JSONPaths. Other CloudEvents attributes
 * (`specversion`, `datacontenttype`, extensions) are accepted and not stored.
 */
export interface EventInput {
  /** Unique within its source, e.g. a request id. 1–256 characters. */
  id: string;
  /** Where the event comes from, e.g. `api-gateway`. 1–256 characters. */
  source: string;
  /** The kind of event; meters select events by type, e.g. `llm.tokens`. 1–256 characters. */
  type: string;
  /** Whose usage it is: matched against customers' subject keys. 1–256 characters. */
  subject: string;
  /** When the usage happened (a `Date` or an ISO-8601 string). Default: the client's clock. */
  time?: Instant | undefined;
  /** The payload meters read, a plain JSON object. */
  data?: Record<string, unknown> | null | undefined;
}

/**
 * An event that passed validation, ready to store (`index` is its position in the batch). One
 * object serves validation, storage and the rollups: `seq` is set once the event is stored.
 */
export interface ValidEvent {
  index: number;
  id: string;
  source: string;
  type: string;
  subject: string;
  /** Epoch milliseconds. */
  timeMs: number;
  data: Record<string, unknown> | null;
  /** `data` as JSON text, as it is stored (`null` when there is no data). */
  dataJson: string | null;
  /** When it was received (the validation's `now`), epoch milliseconds. */
  ingestedAtMs: number;
  /** Ingestion sequence, 0 until stored. */
  seq: number;
}

/** Why an event of a batch was rejected. The rest of the batch is unaffected. */
export interface RejectedEvent {
  /** Position of the event in the batch (0 for a single event). */
  index: number;
  /** The event's id, when it had a usable one. */
  id?: string;
  /** A stable code: `invalid_event`, `invalid_id`, `invalid_source`, `invalid_type`, `invalid_subject`, `invalid_time` or `invalid_data`. */
  code: string;
  /** What is wrong, for a person, starting with the field. */
  message: string;
}
