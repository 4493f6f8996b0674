import {
  type ConformanceOptions,
  type ConformanceSetup,
  type FacadeConformanceJobs,
  storageConformance as storageSuite,
} from '../../storage/conformance';
import { consumeJobOutcome, runConsumeJob, setupConsumeJob } from './consume-job';
import { entitlementsJobBalances, entitlementsJobExpected, setupEntitlementsJob } from './entitlement-job';
import { setupSubscriptionsJob, subscriptionsJobOutcome } from './subscription-job';

const facadeJobs: FacadeConformanceJobs = {
  setupEntitlementsJob,
  entitlementsJobBalances,
  entitlementsJobExpected,
  setupSubscriptionsJob,
  subscriptionsJobOutcome,
  setupConsumeJob,
  runConsumeJob,
  consumeJobOutcome,
};

/**
 * The storage conformance suite: the same tests for every adapter. Call it from a vitest file
 * with a function that makes a fresh, empty database for each test.
 * @example
 * import { storageConformance } from 'tollgate/testing';
 * import { memoryStorage, MemoryDatabase } from 'tollgate/adapters/memory';
 * storageConformance('memory', async () => {
 *   const database = new MemoryDatabase();
 *   return { open: (o) => memoryStorage({ database, ...o }) };
 * });
 */
export function storageConformance(name: string, setup: ConformanceSetup, options: ConformanceOptions = {}): void {
  storageSuite(name, setup, { ...options, facadeJobs });
}
