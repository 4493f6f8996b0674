/**
 * `tollgate/testing`: what you need to unit-test with Tollgate, and the storage conformance suite
 * for adapter authors.
 * @packageDocumentation
 */
export { TestClock } from './test-clock';
export { createTestTollgate, type TestTollgate } from './create-test-tollgate';
export { storageConformance, runConformanceJob } from './conformance-jobs';
export {
  sampleCustomer,
  type ConformanceOptions,
  type ConformanceJob,
  type ConformanceJobResult,
  type ConformanceSetup,
  type ConformanceTarget,
} from '../storage/conformance';
