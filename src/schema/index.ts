export { parseInput, toValidationIssues, formatPath } from './validate';
export { instantSchema, externalKeySchema, metadataSchema, timeZoneSchema, currencyCodeSchema, limitSchema, resourceKeySchema, intervalSchema } from './common';
export {
  customerCreateSchema,
  customerUpdateSchema,
  customerListSchema,
  refSchema,
  type CustomerCreateInput,
  type CustomerUpdateInput,
  type CustomerListInput,
} from './customer';
export { featureCreateSchema, featureListSchema, type FeatureCreateInput, type FeatureListInput } from './feature';
export {
  planCreateSchema,
  planUpdateSchema,
  planPublishSchema,
  planArchiveSchema,
  planGetSchema,
  planListSchema,
  type PlanCreateInput,
  type PlanUpdateInput,
  type PlanPublishInput,
  type PlanArchiveInput,
  type PlanGetInput,
  type PlanListInput,
} from './plan';
export {
  meterCreateSchema,
  meterListSchema,
  meterQuerySchema,
  meterRefSchema,
  dimensionNameSchema,
  RESERVED_GROUP_BY,
  MAX_METER_DIMENSIONS,
  WINDOW_SIZES,
  type MeterCreateInput,
  type MeterListInput,
  type MeterQueryInput,
} from './meter';
export { eventListSchema, MAX_INGEST_BATCH, type EventListInput } from './event';
export {
  entitlementCreateSchema,
  entitlementBodySchema,
  entitlementCheckSchema,
  entitlementConsumeSchema,
  entitlementAccessSchema,
  entitlementListSchema,
  entitlementResetSchema,
  entitlementHistorySchema,
  thresholdSchema,
  prioritySchema,
  type EntitlementCreateInput,
  type EntitlementBodyInput,
  type EntitlementCheckInput,
  type EntitlementConsumeInput,
  type EntitlementAccessInput,
  type EntitlementListInput,
  type EntitlementResetInput,
  type EntitlementHistoryInput,
  type ThresholdInput,
} from './entitlement';
export {
  grantTargetSchema,
  grantCreateSchema,
  grantListSchema,
  grantVoidSchema,
  type GrantTargetInput,
  type GrantCreateInput,
  type GrantListInput,
  type GrantVoidInput,
} from './grant';
export { notificationPollSchema, notificationAckSchema, type NotificationPollInput } from './notification';
