import type { Aggregation } from '../core/metering';
import type { MeterRecord } from '../storage';

/** A meter: how the events of one type aggregate into usage. */
export interface Meter {
  id: string;
  /** Unique forever (archived meters keep theirs). */
  key: string;
  name: string | null;
  /** The event `type` it reads. */
  eventType: string;
  aggregation: Aggregation;
  /** JSONPath of the value in the event's data (ignored by COUNT). */
  valueProperty: string | null;
  /** Dimension name → JSONPath of its value in the event's data. */
  groupBy: Record<string, string>;
  createdAt: Date;
  /** When it was archived: it leaves `list()` but stays queryable. */
  archivedAt: Date | null;
}

export const toMeter = (record: MeterRecord): Meter => ({ ...record, groupBy: { ...record.groupBy } });
