export { storageConformance, type ConformanceOptions, type FacadeConformanceJobs } from './storage-conformance';
export { runStorageConformanceJob } from './conformance-job';
export type {
  ConformanceJob,
  CustomersConformanceJob,
  EventsConformanceJob,
  EntitlementsConformanceJob,
  SubscriptionsConformanceJob,
  ConsumeConformanceJob,
  ConformanceJobResult,
  ConformanceSetup,
  ConformanceTarget,
} from './target';
export { customersConformance, sampleCustomer } from './customers-conformance';
export { meteringConformance } from './metering-conformance';
export { sampleMeter, sampleEvent, ingestRecords, createMeterWithBackfill, overlappingEvents } from './metering-samples';
export { catalogConformance, sampleFeature, samplePlan } from './catalog-conformance';
export { entitlementConformance, sampleEntitlement, sampleGrant } from './entitlement-conformance';
export { subscriptionConformance, sampleSubscription } from './subscription-conformance';
