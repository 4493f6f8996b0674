import { type CompiledMeter, rollupEvents } from '../../core/metering';
import type { StorageTransaction } from '../../storage';

/** Events read per chunk while building a new meter's rollups. */
const CHUNK = 5_000;

/**
 * Builds the rollups of a meter created after events of its type were stored, inside the
 * transaction that creates it, so the meter sees every stored event from the start.
 */
export async function backfillMeter(tx: StorageTransaction, meter: CompiledMeter): Promise<void> {
  for (let afterSeq = 0; ; ) {
    const events = await tx.events.listByType(meter.eventType, afterSeq, CHUNK);
    if (events.length === 0) return;
    const delta = rollupEvents(meter, events);
    await tx.rollups.merge(meter.id, meter.aggregation, delta.cells);
    await tx.rollups.addDistinct(meter.id, delta.distinct);
    afterSeq = events[events.length - 1]!.seq;
    if (events.length < CHUNK) return;
  }
}
