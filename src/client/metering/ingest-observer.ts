import type { CompiledMeter, RollupCell, ValidEvent } from '../../core/metering';
import type { StorageTransaction } from '../../storage';

/**
 * What a follower of ingestion is told about one ingest transaction. Metering owns this port:
 * entitlements (and, later, credits) implement it, and metering never imports them.
 */
export interface IngestSession {
  /** Called after the events and rollups of one meter were stored, in the ingest transaction. */
  meterStored(meter: CompiledMeter, events: readonly ValidEvent[], cells: readonly RollupCell[]): Promise<void>;
  /** Called last in the ingest transaction; returns what to run after it committed. */
  finish(): Promise<() => void>;
}

/** Something that follows ingestion inside its transactions (see `EventsService`). */
export interface IngestObserver {
  observe(tx: StorageTransaction): IngestSession;
}
