import type { Storage } from '../../storage';
import { type ConformanceJob, type ConformanceJobResult, runStorageConformanceJob } from '../../storage/conformance';
import { runConsumeJob } from './consume-job';
import { runEntitlementsJob } from './entitlement-job';
import { runSubscriptionsJob } from './subscription-job';

/**
 * The work one OS process does in a multi-process conformance test (a target's `runProcesses`
 * starts processes that call this with their worker index): any kind of job, the `entitlements` and
 * `subscriptions` and `consume` ones through the facade, the others through the storage port alone.
 */
export function runConformanceJob(storage: Storage, job: ConformanceJob, worker: number): Promise<ConformanceJobResult> {
  if (job.kind === 'entitlements') return runEntitlementsJob(storage, job, worker);
  if (job.kind === 'subscriptions') return runSubscriptionsJob(storage, job, worker);
  if (job.kind === 'consume') return runConsumeJob(storage, job, worker);
  return runStorageConformanceJob(storage, job, worker);
}
