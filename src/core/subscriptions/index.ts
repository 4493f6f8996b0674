export { cadencesAlign } from '../catalog/cadence-align';
export { subscriptionStatusAt, type SubscriptionStatus, type SubscriptionDates } from './subscription-status';
export { allowedActions, assertAllowed, type SubscriptionAction } from './allowed-actions';
export { phaseStarts, phaseIntervals, sumDurations, type PhaseShape, type PhaseInterval, type PhaseStartsOptions } from './phase-starts';
export { resolveBillingAnchor, type BillingAnchorInput } from './billing-anchor';
export { billingPeriods, billingPeriodAt, type BillingPeriod, type BillingPeriodsInput } from './billing-periods';
export {
  subscriptionTimeline,
  type SubscriptionTimeline,
  type SubscriptionTimelineInput,
  type TimelinePlan,
  type TimelinePhase,
  type TimelineItem,
} from './subscription-timeline';
export { resolveTiming, type Timing } from './timing';
export { timelineEntitlements, type TimelineEntitlement, type EntitlementSource } from './timeline-entitlements';
export { applyEdits, MAX_CUSTOMIZATIONS, type Customization, type SubscriptionEdit } from './apply-edits';
export {
  subscriptionStateError,
  subscriptionConflict,
  type SubscriptionStateReason,
  type SubscriptionConflictTarget,
  type SubscriptionConflictReason,
} from './errors';
export { resolvePlanVersion, currencyMismatchIssues, type PlanVersionDates } from './resolve-plan-version';
export { cancelAt, type CancelableSubscription, type CancelResult, type Proration } from './cancel-at';
export { changeAt, nextMigrationVersion, type ChangeableSubscription, type ChangeResult } from './change-at';
export { featureConflicts, assertNoFeatureConflicts, featureConflictError, type FeatureSpan, type FeatureConflict } from './feature-conflicts';
export { carryOverGrants, type GrantToCarry, type CarriedGrant, type CarryOver } from './carry-over-grants';
export { checkDenial, type CheckedEntitlement, type MissingEntitlementReason } from './check-denial';
export { continueSubscription, type ContinuableSubscription, type ContinueResult } from './continue-subscription';
