/** Catalog records as stored: features and plan versions. */

/** A feature as stored (and as `tg.features` returns it). */
export interface FeatureRecord {
  id: string;
  /** Unique among features that are not archived. */
  key: string;
  name: string | null;
  /** The meter whose usage this feature measures, if any. */
  meterKey: string | null;
  /** Filters on the meter's group-by dimensions: a value, or a list of accepted values. */
  meterGroupByFilters: Record<string, string | string[]>;
  metadata: Record<string, unknown>;
  createdAt: Date;
  /** Archived features keep their id and history; their key may be reused by a new feature. */
  archivedAt: Date | null;
}

/** One version of a plan as stored. `phases` is the plan's phases as validated JSON. */
export interface PlanRecord {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string | null;
  currency: string;
  billingCadence: string;
  proRating: { enabled: boolean; mode: 'exact' | 'day' };
  phases: unknown[];
  metadata: Record<string, unknown>;
  /** Problems that keep this draft from being published (empty when it is publishable). */
  validationErrors: Array<{ path: string; code: string; message: string }>;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
}
