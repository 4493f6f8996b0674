import { compileMeter, rollupEvents } from '../../core/metering';
import type { Storage, StorageTransaction } from '../port';
import type { MeterRecord, NewEventRecord } from '../metering/metering-records';

/** The event type every metering conformance sample uses. */
export const SAMPLE_EVENT_TYPE = 'api.call';

/** A meter record for conformance tests. */
export function sampleMeter(id: string, key: string, overrides: Partial<MeterRecord> = {}): MeterRecord {
  return {
    id,
    key,
    name: `Meter ${key}`,
    eventType: SAMPLE_EVENT_TYPE,
    aggregation: 'SUM',
    valueProperty: '$.amount',
    groupBy: { region: '$.region' },
    createdAt: new Date('2024-01-01T00:00:00.001Z'),
    archivedAt: null,
    ...overrides,
  };
}

/** An event record for conformance tests. */
export function sampleEvent(id: string, subject: string, time: string, data: Record<string, unknown> | null, source = 'conformance'): NewEventRecord {
  return { id, source, type: SAMPLE_EVENT_TYPE, subject, timeMs: Date.parse(time), dataJson: data === null ? null : JSON.stringify(data), ingestedAtMs: Date.parse('2024-06-01T00:00:00Z') };
}

/**
 * Stores events and updates the rollups of every meter of their type in one transaction, the way
 * `tg.events.ingest` does. Returns how many were new.
 */
export async function ingestRecords(tx: StorageTransaction, events: readonly NewEventRecord[]): Promise<number> {
  const meters = (await tx.meters.listByEventTypes([...new Set(events.map((e) => e.type))])).map(compileMeter);
  const seqs = await tx.events.append(events);
  const stored = events.flatMap((e, i) => {
    const seq = seqs[i];
    return seq === null || seq === undefined ? [] : [{ seq, type: e.type, subject: e.subject, timeMs: e.timeMs, data: e.dataJson === null ? null : (JSON.parse(e.dataJson) as Record<string, unknown>) }];
  });
  for (const meter of meters) {
    const delta = rollupEvents(meter, stored.filter((e) => e.type === meter.eventType));
    await tx.rollups.merge(meter.id, meter.aggregation, delta.cells);
    await tx.rollups.addDistinct(meter.id, delta.distinct);
  }
  return stored.length;
}

/** Creates a meter and builds its rollups from the stored events in one transaction, as `tg.meters.create` does. */
export async function createMeterWithBackfill(storage: Storage, meter: MeterRecord): Promise<void> {
  const compiled = compileMeter(meter);
  await storage.transaction(async (tx) => {
    await tx.meters.insert(meter);
    for (let afterSeq = 0; ; ) {
      const events = await tx.events.listByType(meter.eventType, afterSeq, 500);
      if (events.length === 0) break;
      const delta = rollupEvents(compiled, events);
      await tx.rollups.merge(meter.id, meter.aggregation, delta.cells);
      await tx.rollups.addDistinct(meter.id, delta.distinct);
      afterSeq = events[events.length - 1]!.seq;
    }
  });
}

/**
 * Event `n` (0 ≤ n < total) of the multi-process job: an exact decimal amount (`n.05`), one of five
 * subjects, spread over one day. Worker `w` of `workers` ingests events [w·step, w·step + span)
 * with span = 2·step (wrapping), so every event is sent by two workers.
 */
export function overlappingEvents(worker: number, workers: number, total: number): NewEventRecord[] {
  const step = Math.ceil(total / workers);
  return Array.from({ length: Math.min(total, 2 * step) }, (_, k) => {
    const n = (worker * step + k) % total;
    return sampleEvent(`job-${n}`, `s${n % 5}`, new Date(Date.UTC(2024, 2, 1) + n * 43_000).toISOString(), { amount: `${n}.05`, region: n % 2 ? 'eu' : 'us' });
  });
}
