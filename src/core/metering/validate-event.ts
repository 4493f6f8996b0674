import { ValidationError } from '../../errors';
import { toEpochMs } from '../time/instant';
import type { RejectedEvent, ValidEvent } from './event';

/** Longest `id`, `source`, `type` and `subject` accepted. */
export const MAX_EVENT_STRING_LENGTH = 256;

/** The result of validating one event: the event ready to store, or why it was rejected. */
export type EventValidation = ValidEvent | RejectedEvent;

/** True when a validation result is a rejection. */
export function isRejected(result: EventValidation): result is RejectedEvent {
  return (result as Partial<RejectedEvent>).code !== undefined;
}

const STRING_FIELDS = ['id', 'source', 'type', 'subject'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function stringProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return `must be a non-empty string, got ${describe(value)}`;
  if (value.length > MAX_EVENT_STRING_LENGTH) return `must be at most ${MAX_EVENT_STRING_LENGTH} characters`;
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  return undefined;
}

function reject(index: number, raw: Record<string, unknown> | undefined, field: string, message: string): EventValidation {
  const id = raw?.id;
  const rejected: RejectedEvent = { index, code: `invalid_${field}`, message: `${field}: ${message}` };
  if (typeof id === 'string' && id.length > 0 && id.length <= MAX_EVENT_STRING_LENGTH) rejected.id = id;
  return rejected;
}

function readTime(raw: unknown, nowMs: number): number | string {
  if (raw === undefined) return nowMs;
  try {
    return toEpochMs(raw, 'time');
  } catch (error) {
    if (error instanceof ValidationError) return error.issues[0]?.message ?? error.message;
    throw error;
  }
}

/**
 * True when `value` holds only what JSON keeps as is (strings, finite numbers, booleans, null,
 * undefined, arrays and plain objects), so meters read the same values from it as from its stored
 * JSON text. Deep or exotic payloads (Dates, class instances, NaN) answer false.
 */
function isJsonNative(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > 8) return false;
      if (Array.isArray(value)) return value.every((item) => isJsonNative(item, depth + 1));
      if (!isPlainObject(value)) return false;
      for (const key in value) if (!isJsonNative(value[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

function serialize(data: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(data);
  } catch {
    return undefined;
  }
}

/**
 * Validates one CloudEvents-shaped event: `id`, `source`, `type`, `subject` non-empty strings of at
 * most 256 characters without NUL (no database stores it in text); `time`, if present, a `Date` or
 * an ISO-8601 instant (default `nowMs`); `data`, if present and not null, a plain object that JSON
 * can serialize. The returned `data` is what its JSON text reads back as (a payload holding Dates
 * or class instances is re-read from its JSON), so meters see the same values at ingestion as in
 * later reads of the stored event.
 * Hand-written (no schema library) because it runs once per ingested event. Never throws for bad
 * input.
 *
 * @param raw - the event as received.
 * @param index - its position in the batch, reported back.
 * @param nowMs - the time given to an event without `time`, and its `ingestedAtMs`.
 * @example
 * validateEvent({ id: '1', source: 'api', type: 'call', subject: 'acme' }, 0, Date.UTC(2024, 0, 1)).timeMs; // 1704067200000
 * validateEvent({ id: '1', source: 'api', type: 'call' }, 3, 0);
 * // { index: 3, id: '1', code: 'invalid_subject', message: 'subject: must be a non-empty string, got undefined' }
 */
export function validateEvent(raw: unknown, index: number, nowMs: number): EventValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { index, code: 'invalid_event', message: `event: must be an object, got ${describe(raw)}` };
  }
  const event = raw as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    const problem = stringProblem(event[field]);
    if (problem !== undefined) return reject(index, event, field, problem);
  }
  const timeMs = readTime(event.time, nowMs);
  if (typeof timeMs === 'string') return reject(index, event, 'time', timeMs);
  const data = event.data;
  let dataJson: string | null = null;
  if (data !== undefined && data !== null) {
    if (!isPlainObject(data)) return reject(index, event, 'data', `must be a plain JSON object, got ${describe(data)}`);
    const json = serialize(data);
    if (json === undefined) return reject(index, event, 'data', 'must be serializable as JSON');
    dataJson = json;
  }
  return {
    index,
    id: event.id as string,
    source: event.source as string,
    type: event.type as string,
    subject: event.subject as string,
    timeMs,
    data: dataJson === null ? null : isJsonNative(data, 0) ? (data as Record<string, unknown>) : (JSON.parse(dataJson) as Record<string, unknown>),
    dataJson,
    ingestedAtMs: nowMs,
    seq: 0,
  };
}
