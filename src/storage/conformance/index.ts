export { storageConformance, type ConformanceOptions } from './storage-conformance';
export { runConformanceJob, sampleCustomer } from './conformance-job';
export type { ConformanceJob, ConformanceJobResult, ConformanceSetup, ConformanceTarget } from './target';
export { catalogConformance, sampleFeature, samplePlan } from './catalog-conformance';
