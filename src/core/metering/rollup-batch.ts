import type { Aggregation } from './aggregation';
import { type ExactValue, addExact, maxExact, minExact } from './exact-value';
import type { CompiledMeter } from './meter-definition';
import { type DistinctValue, type RollupCell, bucketOf } from './rollup-cell';

/** A stored event as a meter reads it. */
export interface MeteredEvent {
  /** Ingestion sequence: orders events with the same time for LATEST. */
  seq: number;
  subject: string;
  timeMs: number;
  data: Record<string, unknown> | null;
}

/** What a batch of events adds to one meter's rollups. */
export interface RollupDelta {
  /** One cell per (hour, subject, group values), to merge into the stored cells. */
  cells: RollupCell[];
  /** UNIQUE_COUNT meters: the distinct values per cell, to add to the stored sets. */
  distinct: DistinctValue[];
}

/** A cell being accumulated for a batch, with its distinct values for UNIQUE_COUNT. */
interface Slot {
  cell: RollupCell;
  values: Set<string> | null;
}

/** Adds one value to a batch cell, by the rules of its aggregation. */
function accumulate(cell: RollupCell, aggregation: Aggregation, value: ExactValue | null, time: number, seq: number): void {
  cell.count++;
  if (value === null) return;
  switch (aggregation) {
    case 'SUM':
    case 'AVG':
      cell.sum = cell.sum === null ? value : addExact(cell.sum, value);
      return;
    case 'MIN':
      cell.min = minExact(cell.min, value);
      return;
    case 'MAX':
      cell.max = maxExact(cell.max, value);
      return;
    case 'LATEST':
      if (cell.latestTime === null || time > cell.latestTime || (time === cell.latestTime && seq > cell.latestSeq!)) {
        cell.latestTime = time;
        cell.latestSeq = seq;
        cell.latestValue = value;
      }
      return;
    default:
      return;
  }
}

const byCellKey = (a: { bucket: number; subject: string; groupKey: string }, b: { bucket: number; subject: string; groupKey: string }): number =>
  a.bucket - b.bucket || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0);

/**
 * Pre-aggregates newly stored events for one meter: one cell per (UTC hour, subject, group values)
 * holding what the meter's aggregation needs, plus the distinct values for UNIQUE_COUNT. Events the
 * meter cannot read (an invalid value) add nothing. Cells come out sorted by (bucket, subject,
 * group key), so concurrent writers touch rows in the same order.
 *
 * @example
 * const m = compileMeter({ id: 'mtr_1', key: 'tokens', eventType: 'llm', aggregation: 'SUM', valueProperty: '$.n', groupBy: {} });
 * rollupEvents(m, [{ seq: 1, subject: 'acme', timeMs: 0, data: { n: 2 } }, { seq: 2, subject: 'acme', timeMs: 60_000, data: { n: 3 } }]).cells;
 * // [{ bucket: 0, subject: 'acme', groupKey: '[]', count: 2, sum: 5, ... }]
 */
export function rollupEvents(meter: CompiledMeter, events: readonly MeteredEvent[]): RollupDelta {
  const aggregation = meter.aggregation;
  const unique = aggregation === 'UNIQUE_COUNT';
  // bucket → subject → group key → slot: no key strings are built per event.
  const slots = new Map<number, Map<string, Map<string, Slot>>>();
  const all: Slot[] = [];
  for (const event of events) {
    const value = meter.valueOf(event.data);
    if (value === undefined) continue;
    const groupKey = meter.groupKeyOf(event.data);
    const bucket = bucketOf(event.timeMs);
    let bySubject = slots.get(bucket);
    if (bySubject === undefined) slots.set(bucket, (bySubject = new Map()));
    let byGroup = bySubject.get(event.subject);
    if (byGroup === undefined) bySubject.set(event.subject, (byGroup = new Map()));
    let slot = byGroup.get(groupKey);
    if (slot === undefined) {
      const cell: RollupCell = { bucket, subject: event.subject, groupKey, count: 0, sum: null, min: null, max: null, latestTime: null, latestSeq: null, latestValue: null };
      slot = { cell, values: unique ? new Set() : null };
      byGroup.set(groupKey, slot);
      all.push(slot);
    }
    if (unique) slot.values!.add(value as string);
    else accumulate(slot.cell, aggregation, value as ExactValue | null, event.timeMs, event.seq);
  }
  all.sort((a, b) => byCellKey(a.cell, b.cell));
  if (unique) {
    const distinct: DistinctValue[] = [];
    for (const { cell, values } of all) for (const value of [...values!].sort()) distinct.push({ bucket: cell.bucket, subject: cell.subject, groupKey: cell.groupKey, value });
    return { cells: [], distinct };
  }
  return { cells: all.map((s) => s.cell), distinct: [] };
}
