import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Aggregation,
  CellAccumulator,
  type MeteredEvent,
  aggregateMeterQuery,
  bucketOf,
  compileMeter,
  planWindows,
  rollupEvents,
} from '../../../src/core/metering';
import { startOfWindow, type WindowUnit } from '../../../src/core/time';

const START = Date.UTC(2024, 2, 9);
const SPAN = 4 * 86_400_000;
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu'];
const SIZES: Array<WindowUnit | undefined> = [undefined, 'MINUTE', 'HOUR', 'DAY', 'MONTH'];
const AGGS: Aggregation[] = ['SUM', 'COUNT', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'];

/** The same query, computed from the raw events alone: the reference the rollup plan must match. */
function bruteForce(aggregation: Aggregation, events: readonly MeteredEvent[], from: number, to: number, size: WindowUnit | undefined, zone: string) {
  const meter = compileMeter({ id: 'm', key: 'm', eventType: 't', aggregation, valueProperty: '$.v', groupBy: { g: '$.g' } });
  const out = new Map<string, { acc: CellAccumulator; set: Set<string> }>();
  for (const e of events) {
    if (e.timeMs < from || e.timeMs >= to) continue;
    const reading = meter.read(e.data);
    if (!reading.counted) continue;
    const window = size === undefined ? from : startOfWindow(e.timeMs, size, zone);
    const key = `${window}|${e.subject}|${reading.groupKey}`;
    let slot = out.get(key);
    if (!slot) out.set(key, (slot = { acc: new CellAccumulator(aggregation), set: new Set() }));
    if (aggregation === 'UNIQUE_COUNT') slot.set.add(reading.value as string);
    else slot.acc.addValue(reading.value as number | string | null, e.timeMs, e.seq);
  }
  return [...out.entries()]
    .map(([key, slot]) => [key, aggregation === 'UNIQUE_COUNT' ? String(slot.set.size) : slot.acc.result()] as const)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

const eventArb = fc.record({
  offset: fc.integer({ min: 0, max: SPAN - 1 }),
  subject: fc.constantFrom('a', 'b'),
  g: fc.constantFrom('x', 'y', 5, null),
  v: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom('0.1', '2.25', '-1.5', 'bad', null, 'Ann', 'ann')),
});

describe('aggregateMeterQuery', () => {
  it('rollups plus raw edges give exactly what the raw events give, in every zone, window size and aggregation', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 60 }),
        fc.integer({ min: 0, max: SPAN }),
        fc.integer({ min: 0, max: SPAN }),
        fc.constantFrom(...SIZES),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...AGGS),
        fc.integer({ min: 1, max: 5 }),
        (raw, a, b, size, zone, aggregation, chunks) => {
          const from = START + Math.min(a, b);
          const to = START + Math.max(a, b);
          const events: MeteredEvent[] = raw.map((e, i) => ({ seq: i + 1, subject: e.subject, timeMs: START + e.offset, data: { v: e.v, g: e.g } }));
          const meter = compileMeter({ id: 'm', key: 'm', eventType: 't', aggregation, valueProperty: '$.v', groupBy: { g: '$.g' } });
          // Ingest in several batches, merging cells the way storage does.
          const cells = new Map<string, CellAccumulator>();
          const distinct = [];
          const size_ = Math.ceil(events.length / chunks) || 1;
          for (let i = 0; i < events.length; i += size_) {
            const delta = rollupEvents(meter, events.slice(i, i + size_));
            for (const c of delta.cells) {
              const key = `${c.bucket}|${c.subject}|${c.groupKey}`;
              if (!cells.has(key)) cells.set(key, new CellAccumulator(aggregation));
              cells.get(key)!.addCell(c);
            }
            distinct.push(...delta.distinct);
          }
          const merged = [...cells.entries()].map(([key, acc]) => {
            const [bucket, subject, groupKey] = key.split('|') as [string, string, string];
            return acc.toCell(Number(bucket), subject, groupKey);
          });
          const plan = planWindows({ fromMs: from, toMs: to, windowSize: size, timeZone: zone });
          const range = plan.rollupRange;
          const inRange = (bucket: number) => range !== null && bucket >= range.from && bucket < range.to;
          const rawEvents = events.filter((e) => plan.rawRanges.some((r) => e.timeMs >= r.from && e.timeMs < r.to));
          const rows = aggregateMeterQuery(
            { meter, plan, groupBy: ['g'], splitBySubject: true, customerOf: null, subjects: null, filters: {} },
            { cells: merged.filter((c) => inRange(c.bucket)), distinct: distinct.filter((d) => inRange(d.bucket)), events: rawEvents },
          );
          const got = rows
            .map((r) => [`${r.windowStart.getTime()}|${r.subject}|${JSON.stringify([r.groupBy.g])}`, r.value] as const)
            .sort(([x], [y]) => (x < y ? -1 : 1));
          expect(got).toEqual(bruteForce(aggregation, events, from, to, size, zone));
          for (const e of rawEvents) expect(plan.windowOfBucket(bucketOf(e.timeMs))).toBe(-1);
        },
      ),
      { numRuns: 400 },
    );
  });
});
