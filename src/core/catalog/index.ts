export { planStatus, type PlanStatus } from './plan-status';
export { validatePlan, type FeatureFacts, type PlanContent } from './validate-plan';
export { cadencesAlign } from './cadence-align';
export { canonicalizeNumerics } from './numeric-fields';
export { isPublished, isEverInEffect, type PlanVersionDates } from './plan-version-dates';
export { versionsEndedByPublish } from './versions-ended-by-publish';
export { archiveVersions } from './archive-versions';
export { catalogStateError, catalogConflict, type CatalogStateReason, type CatalogConflictTarget } from './errors';
export type {
  RateCard,
  FlatFeeRateCard,
  UsageBasedRateCard,
  Discounts,
  TaxConfig,
  EntitlementTemplate,
  JsonValue,
} from './rate-card';
