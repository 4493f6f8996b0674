import type { FeatureRecord } from '../../storage';

/** A feature: something a plan sells or an entitlement grants, optionally measured by a meter. */
export type Feature = FeatureRecord;

export const toFeature = (record: FeatureRecord): Feature => ({ ...record });
