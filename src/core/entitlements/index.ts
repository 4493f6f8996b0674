/**
 * Entitlements core: grants, the burn-down engine (burn order, rollover, resets, recurrence,
 * overage, LATEST meters), usage periods and resets, snapshots, and entitlement values. Pure.
 * @packageDocumentation
 */
export type { NumericInput } from './numeric';
export {
  parseGrants,
  isGrantActiveAt,
  MIN_GRANT_PRIORITY,
  MAX_GRANT_PRIORITY,
  type GrantInput,
  type GrantRecurrenceInput,
  type ParsedGrant,
  type ParsedRecurrence,
} from './grant';
export { prepareGrants, isPreparedGrants, type PreparedGrants } from './prepared-grants';
export { resolveExpiresAt, GRANT_EXPIRATION_UNITS, type GrantExpiration, type GrantExpirationUnit } from './grant-expiration';
export { issueAfterResetGrant, issueAfterResetTermsAt, type IssueAfterResetInput, type IssueAfterResetTerms } from './issue-after-reset';
export { compareBurnOrder, sortByBurnOrder } from './burn-order';
export { rolloverBalance } from './rollover';
export { refillInstants } from './recurrence-refill';
export { MAX_SEGMENTS } from './segments';
export {
  parseBurnDownInput,
  BURN_DOWN_AGGREGATIONS,
  type BurnDownInput,
  type BurnDownAggregation,
  type BurnDownReset,
  type UsageReader,
  type ParsedBurnDownInput,
  type ParsedReset,
} from './burn-down-input';
export type { BurnDownResult, BurnDownSegment, BurnDownSnapshot, GrantUsage } from './burn-down-result';
export { burnDown, runBurnDown, usageWindows } from './burn-down';
export {
  snapshotOf,
  snapshotAt,
  burnDownFromSnapshot,
  latestSnapshot,
  type BurnDownSnapshotInput,
  type BurnDownFromSnapshotInput,
} from './snapshot';
export { usagePeriodAt } from './usage-period';
export {
  UsagePeriodTimeline,
  MAX_RESETS,
  type UsagePeriodTimelineInput,
  type ManualResetInput,
  type UsageReset,
} from './usage-period-timeline';
export {
  meteredEntitlementValue,
  booleanEntitlementValue,
  staticEntitlementValue,
  noEntitlementValue,
  inactiveEntitlementValue,
  subscriptionInactiveValue,
  type EntitlementValue,
  type EntitlementType,
  type EntitlementDenialReason,
  type MeteredBalance,
  type MeteredEntitlementValueInput,
} from './entitlement-value';
export { segmentStartAt, nextSegmentChange } from './segment-bounds';
export { openSegment, burnOpenSegment, depletionPoints, type OpenSegment, type SegmentStateInput } from './open-segment';
export {
  THRESHOLD_TYPES,
  thresholdKey,
  isThresholdReached,
  thresholdPoint,
  validateThresholds,
  type Threshold,
  type ThresholdType,
} from './thresholds';
export { compileGroupFilter, type GroupFilter } from './group-filter';
export type { EntitlementLifetime } from './entitlement-lifetime';
export { isActiveAt } from './is-active-at';
export { entitlementAt } from './entitlement-at';
export { entitlementSpan, spansOverlap, type EntitlementSpan } from './entitlement-span';
export { tailPlus, tailUsage } from './tail-usage';
export { checkpointCovers, type CheckpointBounds, type CheckpointSubject } from './checkpoint-covers';
export { historyWindows, type HistoryWindow } from './history-windows';
export { BURNABLE_AGGREGATIONS, isBurnable, burnDownAggregationOf } from './burnable-aggregation';
export { meteredFeatureIssues, type MeteredFeatureFacts } from './metered-feature-issues';
export { meteredTermsOf, type MeteredTerms, type MeteredTermsInput } from './metered-terms';
export { subjectSpans, fileCells, entitlementBatchUsage, splitAtNow, earliestOf, type SubjectUsage, type EntitlementBatchUsage } from './batch-usage';
export { eventQuantity, type QuantityEvent } from './event-quantity';
export { notificationsDue, type DueNotification, type NotificationsDueInput } from './notifications-due';
export { burnDownFromMeter, type QueryUsage } from './burn-down-from-meter';
export { manualResetIssues } from './manual-reset-issues';
export { grantTermsOf, type GrantTerms, type GrantTermsInput } from './grant-terms';
export { nextNotifyPoint } from './next-notify-point';
export { entitlementStateError, entitlementConflict, type EntitlementStateReason, type EntitlementConflictTarget } from './errors';
export { replayStart, type ReplayStart, type SnapshotCandidate } from './replay-start';
export { pendingFrom } from './pending-from';
export { assertWithinHorizon, EVALUATION_HORIZON } from './evaluation-horizon';
