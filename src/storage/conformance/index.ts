export { storageConformance, type ConformanceOptions } from './storage-conformance';
export { runConformanceJob, sampleCustomer } from './conformance-job';
export type {
  ConformanceJob,
  CustomersConformanceJob,
  EventsConformanceJob,
  EntitlementsConformanceJob,
  ConformanceJobResult,
  ConformanceSetup,
  ConformanceTarget,
} from './target';
export { meteringConformance } from './metering-conformance';
export { sampleMeter, sampleEvent, ingestRecords, createMeterWithBackfill, overlappingEvents } from './metering-samples';
export { catalogConformance, sampleFeature, samplePlan } from './catalog-conformance';
export { entitlementConformance, sampleEntitlement, sampleGrant } from './entitlement-conformance';
export { setupEntitlementsJob, runEntitlementsJob, entitlementsJobBalances, entitlementsJobExpected } from './entitlement-job';
