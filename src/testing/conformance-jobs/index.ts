export { storageConformance } from './storage-conformance';
export { runConformanceJob } from './run-conformance-job';
export { setupEntitlementsJob, runEntitlementsJob, entitlementsJobBalances, entitlementsJobExpected } from './entitlement-job';
export { setupSubscriptionsJob, runSubscriptionsJob, subscriptionsJobOutcome } from './subscription-job';
export { setupConsumeJob, runConsumeJob, consumeJobOutcome } from './consume-job';
