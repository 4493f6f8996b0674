import { CellAccumulator } from './cell-accumulator';
import type { ExactValue } from './exact-value';
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

interface Slot {
  bucket: number;
  subject: string;
  groupKey: string;
  acc: CellAccumulator | null;
  values: Set<string> | null;
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
  const unique = meter.aggregation === 'UNIQUE_COUNT';
  const slots = new Map<string, Slot>();
  for (const event of events) {
    const reading = meter.read(event.data);
    if (!reading.counted) continue;
    const bucket = bucketOf(event.timeMs);
    const key = `${bucket}\u0001${event.subject}\u0001${reading.groupKey}`;
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = {
        bucket,
        subject: event.subject,
        groupKey: reading.groupKey,
        acc: unique ? null : new CellAccumulator(meter.aggregation),
        values: unique ? new Set() : null,
      };
      slots.set(key, slot);
    }
    if (unique) slot.values!.add(reading.value as string);
    else slot.acc!.addValue(reading.value as ExactValue | null, event.timeMs, event.seq);
  }
  const ordered = [...slots.values()].sort(byCellKey);
  if (unique) {
    const distinct: DistinctValue[] = [];
    for (const s of ordered) for (const value of [...s.values!].sort()) distinct.push({ bucket: s.bucket, subject: s.subject, groupKey: s.groupKey, value });
    return { cells: [], distinct };
  }
  return { cells: ordered.map((s) => s.acc!.toCell(s.bucket, s.subject, s.groupKey)), distinct: [] };
}
