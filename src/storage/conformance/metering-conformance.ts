import { beforeEach, describe, expect, it } from 'vitest';
import { ExactSum, formatExact } from '../../core/metering';
import { ConflictError } from '../../errors';
import type { RollupCell } from '../metering/metering-records';
import type { Storage } from '../port';
import { createMeterWithBackfill, ingestRecords, sampleEvent, sampleMeter } from './metering-samples';

const HOUR = 3_600_000;
const MARCH = Date.UTC(2024, 2, 1);

/** A SUM cell with only count and sum set. */
const sumCell = (bucket: number, subject: string, count: number, sum: number | string, groupKey = '["eu"]'): RollupCell => ({
  bucket,
  subject,
  groupKey,
  count,
  sum,
  min: null,
  max: null,
  latestTime: null,
  latestSeq: null,
  latestValue: null,
});

/** Count and exact sum of all of a meter's cells in 2024: a SUM/COUNT query over its rollups. */
export async function meterTotals(storage: Storage, meterId: string): Promise<{ count: number; sum: string }> {
  const cells = await storage.transaction((tx) =>
    tx.rollups.read(meterId, { fromMs: Date.UTC(2024, 0, 1), toMs: Date.UTC(2025, 0, 1), subjects: null }),
  );
  const sum = new ExactSum();
  let count = 0;
  for (const c of cells) {
    count += c.count;
    if (c.sum !== null) sum.add(c.sum);
  }
  return { count, sum: formatExact(sum.value()) };
}

/**
 * Meters, events and rollups: round trips, idempotent appends, exact decimal merges, reads,
 * rollback and concurrent ingestion. Registered by `storageConformance`.
 */
export function meteringConformance(getStorage: () => Storage, openOther: () => Storage): void {
  describe('metering', () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = getStorage();
      await storage.migrate();
    });

    describe('meters', () => {
      it('round-trips every field and finds meters by id, key and event type', async () => {
        const sum = sampleMeter('mtr_1', 'tokens', { groupBy: { model: '$.model', region: "$['geo-region']" } });
        const count = sampleMeter('mtr_2', 'calls', { aggregation: 'COUNT', valueProperty: null, groupBy: {}, name: null, eventType: 'other' });
        await storage.transaction(async (tx) => {
          await tx.meters.insert(sum);
          await tx.meters.insert(count);
        });
        const found = await storage.transaction(async (tx) => ({
          byId: await tx.meters.findById('mtr_1'),
          byKey: await tx.meters.findByKey('calls'),
          missing: await tx.meters.findByKey('nope'),
          byType: await tx.meters.listByEventTypes(['other', 'unknown']),
          none: await tx.meters.listByEventTypes([]),
        }));
        expect(found.byId).toEqual(sum);
        expect(found.byKey).toEqual(count);
        expect(found.missing).toBeUndefined();
        expect(found.byType).toEqual([count]);
        expect(found.none).toEqual([]);
      });

      it('refuses a taken key with a ConflictError naming meter.key', async () => {
        await storage.transaction((tx) => tx.meters.insert(sampleMeter('mtr_1', 'tokens')));
        const error = await storage.transaction((tx) => tx.meters.insert(sampleMeter('mtr_2', 'tokens'))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).target).toBe('meter.key');
      });

      it('archives, lists in id order, and keeps archived meters for their event type', async () => {
        await storage.transaction(async (tx) => {
          for (const id of ['mtr_3', 'mtr_1', 'mtr_2']) await tx.meters.insert(sampleMeter(id, `k${id.slice(4)}`));
          await tx.meters.update({ ...sampleMeter('mtr_2', 'k2'), archivedAt: new Date('2024-02-01T00:00:00.123Z') });
        });
        const state = await storage.transaction(async (tx) => ({
          active: (await tx.meters.list({ limit: 10, includeArchived: false })).map((m) => m.id),
          all: (await tx.meters.list({ limit: 10, includeArchived: true })).map((m) => m.id),
          page: (await tx.meters.list({ limit: 1, afterId: 'mtr_1', includeArchived: true })).map((m) => m.id),
          archived: await tx.meters.findById('mtr_2'),
          byType: (await tx.meters.listByEventTypes(['api.call'])).map((m) => m.id),
        }));
        expect(state).toMatchObject({ active: ['mtr_1', 'mtr_3'], all: ['mtr_1', 'mtr_2', 'mtr_3'], page: ['mtr_2'], byType: ['mtr_1', 'mtr_2', 'mtr_3'] });
        expect(state.archived?.archivedAt).toEqual(new Date('2024-02-01T00:00:00.123Z'));
      });
    });

    describe('events', () => {
      it('appends once per (source, id), forever: later copies get null, another source is another event', async () => {
        const first = await storage.transaction((tx) =>
          tx.events.append([sampleEvent('a', 's', '2024-03-01T10:00:00Z', { n: 1 }), sampleEvent('b', 's', '2024-03-01T10:00:00Z', null)]),
        );
        expect(first.every((seq) => typeof seq === 'number')).toBe(true);
        expect(first[1]!).toBeGreaterThan(first[0]!);
        const second = await storage.transaction((tx) =>
          tx.events.append([
            sampleEvent('b', 's', '2024-03-02T10:00:00Z', { n: 2 }),
            sampleEvent('c', 's', '2024-03-01T09:00:00Z', { n: 3 }),
            sampleEvent('a', 's', '2024-03-01T10:00:00Z', { n: 1 }, 'elsewhere'),
          ]),
        );
        expect(second[0]).toBeNull();
        expect(second[1]!).toBeGreaterThan(first[1]!);
        expect(second[2]!).toBeGreaterThan(second[1]!);
        const all = await storage.transaction((tx) => tx.events.list({ limit: 10 }));
        expect(all.map((e) => `${e.source}/${e.id}`)).toEqual(['conformance/c', 'conformance/a', 'conformance/b', 'elsewhere/a']);
      });

      it('round-trips events exactly: times to the millisecond, data as JSON, null data', async () => {
        const data = { amount: '12345678901234567890.123456789', n: 0.1, nested: { list: [1, 'two', null, true] }, text: 'é 🚀 "quoted"' };
        await storage.transaction((tx) =>
          tx.events.append([sampleEvent('x', 'subject-1', '2024-02-29T23:59:59.999Z', data), sampleEvent('y', 'subject-1', '1969-12-31T23:59:59.999Z', null)]),
        );
        const [y, x] = await storage.transaction((tx) => tx.events.list({ limit: 10 }));
        expect(x).toMatchObject({ id: 'x', source: 'conformance', type: 'api.call', subject: 'subject-1', timeMs: Date.parse('2024-02-29T23:59:59.999Z'), data });
        expect(x!.ingestedAtMs).toBe(Date.parse('2024-06-01T00:00:00Z'));
        expect(y).toMatchObject({ id: 'y', timeMs: -1, data: null });
      });

      it('lists by (time, seq) with filters and a position, and scans ranges by type and subject', async () => {
        await storage.transaction((tx) =>
          tx.events.append([
            sampleEvent('1', 'a', '2024-03-01T10:00:00Z', null),
            sampleEvent('2', 'b', '2024-03-01T10:30:00Z', null),
            sampleEvent('3', 'a', '2024-03-01T10:30:00Z', null),
            sampleEvent('4', 'a', '2024-03-01T12:00:00Z', null),
            { ...sampleEvent('5', 'a', '2024-03-01T10:45:00Z', null), type: 'other' },
          ]),
        );
        const ids = (rows: Array<{ id: string }>) => rows.map((e) => e.id);
        const listed = await storage.transaction(async (tx) => {
          const all = await tx.events.list({ limit: 10 });
          return {
            all: ids(all),
            window: ids(await tx.events.list({ limit: 10, fromMs: Date.parse('2024-03-01T10:30:00Z'), toMs: Date.parse('2024-03-01T12:00:00Z') })),
            subject: ids(await tx.events.list({ limit: 10, subject: 'a', type: 'api.call' })),
            after: ids(await tx.events.list({ limit: 2, after: { timeMs: all[1]!.timeMs, seq: all[1]!.seq } })),
            scan: ids(
              await tx.events.scan({
                type: 'api.call',
                subjects: ['a'],
                ranges: [
                  { from: Date.parse('2024-03-01T10:00:00Z'), to: Date.parse('2024-03-01T10:30:00Z') },
                  { from: Date.parse('2024-03-01T11:00:00Z'), to: Date.parse('2024-03-01T13:00:00Z') },
                ],
              }),
            ).sort(),
            scanAll: ids(await tx.events.scan({ type: 'api.call', subjects: null, ranges: [{ from: Date.parse('2024-03-01T10:30:00Z'), to: Date.parse('2024-03-01T11:00:00Z') }] })).sort(),
            byType: ids(await tx.events.listByType('api.call', all.find((e) => e.id === '1')!.seq, 2)),
          };
        });
        expect(listed).toEqual({
          all: ['1', '2', '3', '5', '4'],
          window: ['2', '3', '5'],
          subject: ['1', '3', '4'],
          after: ['3', '5'],
          scan: ['1', '4'],
          scanAll: ['2', '3'],
          byType: ['2', '3'],
        });
      });
    });

    describe('rollups', () => {
      it('merges cells exactly: ten sums of 0.1 make 1, counts add, big decimals stay exact', async () => {
        for (let i = 0; i < 10; i++) await storage.transaction((tx) => tx.rollups.merge('mtr_1', 'SUM', [sumCell(MARCH, 's', 1, '0.1')]));
        await storage.transaction((tx) =>
          tx.rollups.merge('mtr_1', 'SUM', [sumCell(MARCH + HOUR, 's', 2, '99999999999999999999.000000000000000000001'), sumCell(MARCH + HOUR, 't', 1, 9007199254740991)]),
        );
        await storage.transaction((tx) => tx.rollups.merge('mtr_1', 'SUM', [sumCell(MARCH + HOUR, 's', 1, '-0.000000000000000000001'), sumCell(MARCH + HOUR, 't', 1, 9007199254740991)]));
        const cells = await storage.transaction((tx) => tx.rollups.read('mtr_1', { fromMs: MARCH, toMs: MARCH + 2 * HOUR, subjects: null }));
        const bySubjectHour = Object.fromEntries(cells.map((c) => [`${c.subject}@${c.bucket - MARCH}`, [c.count, c.sum]]));
        expect(bySubjectHour).toEqual({
          's@0': [10, 1],
          [`s@${HOUR}`]: [3, '99999999999999999999'],
          [`t@${HOUR}`]: [2, '18014398509481982'],
        });
      });

      it('keeps the extreme min and max as decimals, and the latest value by (time, seq)', async () => {
        const cell = (fields: Partial<RollupCell>): RollupCell => ({ ...sumCell(MARCH, 's', 1, 0, '[]'), sum: null, ...fields });
        const merges: Array<['MIN' | 'MAX' | 'LATEST', RollupCell]> = [
          ['MIN', cell({ min: 10 })],
          ['MIN', cell({ min: '9.5' })],
          ['MIN', cell({ min: '-0.5' })],
          ['MIN', cell({ min: 11 })],
          ['MAX', cell({ max: '9.5' })],
          ['MAX', cell({ max: 10 })],
          ['MAX', cell({ max: '100.25' })],
          ['MAX', cell({ max: -7 })],
          ['LATEST', cell({ latestTime: 5, latestSeq: 1, latestValue: 1 })],
          ['LATEST', cell({ latestTime: 5, latestSeq: 3, latestValue: '2.5' })],
          ['LATEST', cell({ latestTime: 5, latestSeq: 2, latestValue: 3 })],
          ['LATEST', cell({ latestTime: 4, latestSeq: 9, latestValue: 4 })],
        ];
        for (const [aggregation, c] of merges) await storage.transaction((tx) => tx.rollups.merge(`mtr_${aggregation}`, aggregation, [c]));
        const read = (aggregation: string) => storage.transaction((tx) => tx.rollups.read(`mtr_${aggregation}`, { fromMs: MARCH, toMs: MARCH + HOUR, subjects: ['s'] }));
        const base = { bucket: MARCH, subject: 's', groupKey: '[]', count: 4, sum: null, min: null, max: null, latestTime: null, latestSeq: null, latestValue: null };
        expect(await read('MIN')).toEqual([{ ...base, min: '-0.5' }]);
        expect(await read('MAX')).toEqual([{ ...base, max: '100.25' }]);
        expect(await read('LATEST')).toEqual([{ ...base, latestTime: 5, latestSeq: 3, latestValue: '2.5' }]);
      });

      it('reads the buckets of a range, for given subjects or all, and knows the first bucket', async () => {
        await storage.transaction((tx) =>
          tx.rollups.merge('mtr_1', 'SUM', [
            sumCell(MARCH - HOUR, 'a', 1, 1),
            sumCell(MARCH, 'a', 1, 2),
            sumCell(MARCH, 'b', 1, 4, '["us"]'),
            sumCell(MARCH + 5 * HOUR, 'c', 1, 8),
            sumCell(MARCH + 6 * HOUR, 'a', 1, 16),
          ]),
        );
        await storage.transaction((tx) => tx.rollups.merge('mtr_2', 'SUM', [sumCell(MARCH - 2 * HOUR, 'a', 1, 1)]));
        const sums = async (subjects: string[] | null) =>
          (await storage.transaction((tx) => tx.rollups.read('mtr_1', { fromMs: MARCH, toMs: MARCH + 6 * HOUR, subjects })))
            .map((c) => c.sum)
            .sort((x, y) => Number(x) - Number(y));
        expect(await sums(null)).toEqual([2, 4, 8]);
        expect(await sums(['a', 'c', 'zz'])).toEqual([2, 8]);
        expect(await sums(Array.from({ length: 2000 }, (_, i) => (i === 1999 ? 'b' : `x${i}`)))).toEqual([4]);
        expect(await sums([])).toEqual([]);
        const firsts = await storage.transaction(async (tx) => [await tx.rollups.firstBucket('mtr_1'), await tx.rollups.firstBucket('mtr_2'), await tx.rollups.firstBucket('none')]);
        expect(firsts).toEqual([MARCH - HOUR, MARCH - 2 * HOUR, undefined]);
      });

      it('keeps each distinct value once per cell', async () => {
        const value = (bucket: number, subject: string, v: string) => ({ bucket, subject, groupKey: '[]', value: v });
        await storage.transaction((tx) => tx.rollups.addDistinct('mtr_u', [value(MARCH, 's', 'ann'), value(MARCH, 's', 'Ann'), value(MARCH + HOUR, 's', 'ann')]));
        await storage.transaction((tx) => tx.rollups.addDistinct('mtr_u', [value(MARCH, 's', 'ann'), value(MARCH, 't', 'ann')]));
        const read = await storage.transaction((tx) => tx.rollups.readDistinct('mtr_u', { fromMs: MARCH, toMs: MARCH + HOUR, subjects: null }));
        expect(read.map((d) => `${d.subject}:${d.value}`).sort()).toEqual(['s:Ann', 's:ann', 't:ann']);
        expect(await storage.transaction((tx) => tx.rollups.firstBucket('mtr_u'))).toBe(MARCH);
      });
    });

    describe('transactions', () => {
      it('a failed ingestion leaves no meter, no event and no rollup behind', async () => {
        await storage.transaction((tx) => tx.meters.insert(sampleMeter('mtr_1', 'amounts')));
        const boom = new Error('boom');
        const error = await storage
          .transaction(async (tx) => {
            await tx.meters.insert(sampleMeter('mtr_2', 'other', { aggregation: 'UNIQUE_COUNT', valueProperty: '$.region' }));
            await ingestRecords(tx, [sampleEvent('a', 's', '2024-03-01T10:00:00Z', { amount: '1.5', region: 'eu' })]);
            await tx.rollups.merge('mtr_1', 'SUM', [sumCell(MARCH, 's', 1, 5)]);
            throw boom;
          })
          .catch((e: unknown) => e);
        expect(error).toBe(boom);
        const left = await storage.transaction(async (tx) => ({
          meter: await tx.meters.findById('mtr_2'),
          events: await tx.events.list({ limit: 10 }),
          cells: await tx.rollups.read('mtr_1', { fromMs: 0, toMs: Date.UTC(2025, 0, 1), subjects: null }),
          distinct: await tx.rollups.readDistinct('mtr_2', { fromMs: 0, toMs: Date.UTC(2025, 0, 1), subjects: null }),
          first: await tx.rollups.firstBucket('mtr_1'),
        }));
        expect(left).toEqual({ meter: undefined, events: [], cells: [], distinct: [], first: undefined });
        expect(await storage.transaction((tx) => ingestRecords(tx, [sampleEvent('a', 's', '2024-03-01T10:00:00Z', { amount: '1.5', region: 'eu' })]))).toBe(1);
        expect(await meterTotals(storage, 'mtr_1')).toEqual({ count: 1, sum: '1.5' });
      });

      it('a meter created while an ingestion is in flight waits for it, so its backfill counts those events', async () => {
        const other = openOther();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        const events = [sampleEvent('a', 's', '2024-03-01T10:00:00Z', { amount: '2.5' }), sampleEvent('b', 't', '2024-03-01T11:00:00Z', { amount: 4 })];
        const ingest = storage.transaction(async (tx) => {
          const meters = await tx.meters.listByEventTypes(['api.call']);
          entered();
          await gate;
          await tx.events.append(events);
          return meters.length;
        });
        await inside;
        const create = createMeterWithBackfill(other, sampleMeter('mtr_late', 'late'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        release();
        expect(await ingest).toBe(0);
        await create;
        expect(await meterTotals(storage, 'mtr_late')).toEqual({ count: 2, sum: '6.5' });
        await other.close();
      });

      it('two handles ingesting overlapping batches at once store and count each event once', async () => {
        await storage.transaction((tx) => tx.meters.insert(sampleMeter('mtr_1', 'amounts')));
        const other = openOther();
        const events = Array.from({ length: 300 }, (_, n) => sampleEvent(`e${n}`, `s${n % 7}`, new Date(MARCH + n * 60_000).toISOString(), { amount: `${n}.1`, region: 'eu' }));
        const batches = Array.from({ length: 12 }, (_, b) => events.slice((b % 6) * 50, (b % 6) * 50 + 100));
        const stored = await Promise.all(batches.map((batch, b) => (b % 2 ? other : storage).transaction((tx) => ingestRecords(tx, batch))));
        expect(stored.reduce((a, b) => a + b, 0)).toBe(300);
        expect(await meterTotals(storage, 'mtr_1')).toEqual({ count: 300, sum: '44880' });
        await other.close();
      });
    });
  });
}
