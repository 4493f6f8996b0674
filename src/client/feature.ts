import type { FeatureRecord } from '../storage';

/** A feature: something a plan sells or an entitlement grants, optionally measured by a meter. */
export interface Feature {
  id: string;
  key: string;
  name: string | null;
  /** The meter measuring this feature's usage, if any. */
  meterKey: string | null;
  /** Filters on the meter's group-by dimensions (a value, or a list of values). */
  meterGroupByFilters: Record<string, string | string[]>;
  metadata: Record<string, unknown>;
  createdAt: Date;
  /** Archived features keep their id and history; their key may be reused by a new feature. */
  archivedAt: Date | null;
}

export const toFeature = (record: FeatureRecord): Feature => ({ ...record });
