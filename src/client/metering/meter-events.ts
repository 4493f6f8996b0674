import type { Meter } from './meter';

/** The metering notifications by name (in-process, via `tg.on`). */
export interface MeterEventMap {
  'meter.created': { meter: Meter };
  'meter.archived': { meter: Meter };
}
