import { ExactSum, type ExactValue, type RollupCell, type ValidEvent } from '../metering';
import type { GroupFilter } from './group-filter';

/** What an ingested batch holds for one subject: its events' time span and (once filed) its rollup cells. */
export interface SubjectUsage {
  min: number;
  max: number;
  cells: RollupCell[] | null;
}

/** One entitlement's share of a batch: the span of its subjects' events and the usage it adds. */
export interface EntitlementBatchUsage {
  min: number;
  max: number;
  /** The exact usage the batch adds; undefined when it would take usage down (a negative sum). */
  delta: ExactValue | undefined;
}

/**
 * Each subject of an ingested batch with its events' time span (cells filed later by
 * {@link fileCells}, only when some entitlement tracks the batch).
 * @example
 * subjectSpans(events).get('acme-prod'); // { min: 1704067200000, max: 1704070800000, cells: null }
 */
export function subjectSpans(events: readonly ValidEvent[]): Map<string, SubjectUsage> {
  const out = new Map<string, SubjectUsage>();
  for (const e of events) {
    const usage = out.get(e.subject);
    if (usage === undefined) out.set(e.subject, { min: e.timeMs, max: e.timeMs, cells: null });
    else {
      if (e.timeMs < usage.min) usage.min = e.timeMs;
      if (e.timeMs > usage.max) usage.max = e.timeMs;
    }
  }
  return out;
}

/**
 * Files each rollup cell of the batch under its subject.
 * @example
 * fileCells(spans, cells); // spans.get('acme-prod').cells: the subject's cells
 */
export function fileCells(batch: ReadonlyMap<string, SubjectUsage>, cells: readonly RollupCell[]): void {
  for (const cell of cells) {
    const usage = batch.get(cell.subject);
    if (usage !== undefined) (usage.cells ??= []).push(cell);
  }
}

/**
 * One entitlement's share of a batch: the time span of its subjects' events and the exact sum
 * (COUNT meters: the count) of their cells that its group filter accepts. Integers add as numbers
 * while the sum stays a safe integer, then exactly. `delta` is undefined when the sum is negative
 * (usage cannot be added to a checkpoint; the caller drops it instead).
 * @example
 * entitlementBatchUsage(['acme-prod'], spans, () => true, false); // { min, max, delta: 42 }
 */
export function entitlementBatchUsage(subjects: readonly string[], batch: ReadonlyMap<string, SubjectUsage>, accepts: GroupFilter, count: boolean): EntitlementBatchUsage {
  let min = Infinity;
  let max = -Infinity;
  let integer = 0;
  let exact: ExactSum | undefined;
  for (const subject of subjects) {
    const usage = batch.get(subject);
    if (usage === undefined) continue;
    if (usage.min < min) min = usage.min;
    if (usage.max > max) max = usage.max;
    for (const cell of usage.cells ?? []) {
      const value = count ? cell.count : cell.sum;
      if (value === null || !accepts(cell.groupKey)) continue;
      if (exact === undefined && typeof value === 'number' && Number.isSafeInteger(integer + value)) integer += value;
      else (exact ??= exactSumOf(integer)).add(value);
    }
  }
  const total = exact === undefined ? integer : exact.value();
  const negative = typeof total === 'number' ? total < 0 : total.startsWith('-');
  return { min, max, delta: negative ? undefined : total };
}

/** An exact sum starting at `start` (where a sum leaves the safe-integer fast path). */
function exactSumOf(start: number): ExactSum {
  const sum = new ExactSum();
  sum.add(start);
  return sum;
}

/**
 * Splits a batch at the ingest's now: the events stamped at or before `nowMs` (their usage goes to
 * checkpoint tails) and those stamped after it (a skewed client clock: kept out of the tails as
 * pending usage). `future` is empty in the common case, and `present` is then `events` itself.
 * @example
 * splitAtNow(events, Date.parse('2024-03-10T00:00:00Z')); // { present: [...], future: [] }
 */
export function splitAtNow<E extends { timeMs: number }>(events: readonly E[], nowMs: number): { present: readonly E[]; future: E[] } {
  if (!events.some((e) => e.timeMs > nowMs)) return { present: events, future: [] };
  return { present: events.filter((e) => e.timeMs <= nowMs), future: events.filter((e) => e.timeMs > nowMs) };
}

/**
 * The earliest event time among `subjects` in `spans` (the batch's future events by subject), or
 * null when none of them has one.
 * @example
 * earliestOf(['acme-prod'], subjectSpans(future)); // 1704070800000
 */
export function earliestOf(subjects: readonly string[], spans: ReadonlyMap<string, SubjectUsage>): number | null {
  let earliest: number | null = null;
  for (const subject of subjects) {
    const span = spans.get(subject);
    if (span !== undefined && (earliest === null || span.min < earliest)) earliest = span.min;
  }
  return earliest;
}
