import type { MeterRecord } from '../../storage';

/** A meter: how the events of one type aggregate into usage (see the fields' docs on the record). */
export type Meter = MeterRecord;

export const toMeter = (record: MeterRecord): Meter => ({ ...record, groupBy: { ...record.groupBy } });
