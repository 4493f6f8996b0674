/**
 * Tollgate: embeddable usage-based pricing, metering and entitlements.
 * @packageDocumentation
 */
export { createTollgate, type Tollgate, type TollgateOptions } from './client';
export type { Customer, Clock, Page, TollgateEventMap, TollgateEventName, CustomersService } from './client';
export type { Meter, MeterQueryResult, MetersService, EventsService, UsageEvent, IngestResult } from './client';
export type { MeterCreateInput, MeterListInput, MeterQueryInput, EventListInput } from './schema';
export type { Aggregation, EventInput, MeterQueryRow, IgnoredBy } from './core/metering';
export type { CustomerCreateInput, CustomerUpdateInput, CustomerListInput } from './schema';
export type { Feature, FeaturesService, Plan, PlanPhase, PlansService } from './client';
export type {
  FeatureCreateInput,
  FeatureListInput,
  PlanCreateInput,
  PlanUpdateInput,
  PlanPublishInput,
  PlanArchiveInput,
  PlanGetInput,
  PlanListInput,
} from './schema';
export type { PlanStatus } from './core/catalog';
export type { RateCard, Discounts, TaxConfig, Price, UsagePrice, FlatPrice, Invoice, InvoiceLine, InvoiceTotals } from './core';
// A user passes storage to createTollgate; adapter authors import records and repositories from 'tollgate/storage'.
export type { Storage, StorageTransaction, StorageOptions, Migration, MigrationReport } from './storage';
export {
  TollgateError,
  isTollgateError,
  ValidationError,
  NotFoundError,
  ConflictError,
  StateError,
  ConcurrencyError,
  type TollgateErrorCode,
  type ValidationIssue,
} from './errors';
export type { StateReason, ConflictTarget, ClientStateReason } from './client/shared/errors';
export type { CustomerStateReason, CustomerConflictTarget } from './core/customers';
export type { CatalogStateReason, CatalogConflictTarget } from './core/catalog';
export type { EntitlementStateReason, EntitlementConflictTarget } from './core/entitlements';
export type { MeteringConflictTarget } from './core/metering';
export type { PricingStateReason } from './core/pricing';
export type { BillingStateReason, BillingValidationCode } from './core/billing';
export type { RoundingMode } from './core/money';
export type { Instant } from './core/time';
export type { Entitlement, Grant, EntitlementValue, ConsumeResult, EntitlementHistory, WindowedHistoryRow, BurndownHistoryRow, PolledNotification } from './client';
export type { EntitlementsService, GrantsService, NotificationsService } from './client';
export type { EntitlementThresholdEvent, EntitlementResetEvent, GrantDepletedEvent, BalanceFigures } from './client';
export type {
  EntitlementCreateInput,
  EntitlementBodyInput,
  EntitlementCheckInput,
  EntitlementConsumeInput,
  EntitlementAccessInput,
  EntitlementListInput,
  EntitlementResetInput,
  EntitlementHistoryInput,
  ThresholdInput,
  GrantTargetInput,
  GrantCreateInput,
  GrantListInput,
  GrantVoidInput,
  NotificationPollInput,
} from './schema';
export type { Subscription, SubscriptionPhase, SubscriptionItem, SubscriptionsService, SubscriptionEvent, SubscriptionEventMap, SubscriptionEventName } from './client';
export type { SubscriptionStateReason, SubscriptionConflictTarget, SubscriptionConflictReason, SubscriptionTimeline, SubscriptionStatus, Customization } from './core/subscriptions';
export type {
  PlanChoiceInput,
  CustomizationInput,
  SubscriptionCreateInput,
  SubscriptionEditInput,
  SubscriptionChangeInput,
  SubscriptionMigrateInput,
  SubscriptionCancelInput,
  SubscriptionListInput,
  SubscriptionTimelineInput,
} from './schema';
