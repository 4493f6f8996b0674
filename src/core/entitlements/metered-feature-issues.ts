import type { ValidationIssue } from '../../errors';
import type { Aggregation } from '../metering';
import { isBurnable } from './burnable-aggregation';

/** The feature a metered entitlement is created on, and its meter as found (undefined: missing). */
export interface MeteredFeatureFacts {
  readonly featureKey: string;
  readonly meterKey: string | null;
  readonly meter: { readonly key: string; readonly aggregation: Aggregation } | undefined;
}

/**
 * The problems of a metered entitlement that come from its feature (path `feature`): the feature
 * has no meter (`not_metered`), the meter is gone (`unknown_meter`), or it aggregates in a way
 * that cannot burn down (`unsupported_aggregation`). None for a good feature.
 * @example
 * meteredFeatureIssues({ featureKey: 'seats', meterKey: null, meter: undefined });
 * // [{ path: 'feature', code: 'not_metered', ... }]
 */
export function meteredFeatureIssues(facts: MeteredFeatureFacts): ValidationIssue[] {
  if (facts.meterKey === null) return [{ path: 'feature', code: 'not_metered', message: `Feature ${facts.featureKey} has no meter: a metered entitlement needs one` }];
  const meter = facts.meter;
  if (meter === undefined) return [{ path: 'feature', code: 'unknown_meter', message: `Meter ${facts.meterKey} does not exist` }];
  if (!isBurnable(meter.aggregation)) {
    return [{ path: 'feature', code: 'unsupported_aggregation', message: `Meter ${meter.key} aggregates with ${meter.aggregation}; metered entitlements burn SUM, COUNT or LATEST` }];
  }
  return [];
}
