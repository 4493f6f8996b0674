import { ConflictError } from '../../errors';
import type { Storage } from '../port';
import type { CustomerRecord } from '../customers/customer-records';
import { createMeterWithBackfill, ingestRecords, overlappingEvents, sampleMeter } from './metering-samples';
import { sampleCustomer } from './customers-conformance';
import type { ConformanceJobResult, CustomersConformanceJob, EventsConformanceJob } from './target';

/**
 * The work one process does in a multi-process conformance job that drives the storage port alone:
 * `customers` (create its own customers and race the other workers for the contested keys and
 * subject keys) or `events` (ingest overlapping batches). The `entitlements` job drives the facade,
 * so it lives in `tollgate/testing` (`runConformanceJob` there runs every kind).
 */
export async function runStorageConformanceJob(
  storage: Storage,
  job: CustomersConformanceJob | EventsConformanceJob,
  worker: number,
): Promise<ConformanceJobResult> {
  return job.kind === 'events' ? runEventsJob(storage, job, worker) : runCustomersJob(storage, job, worker);
}

async function runCustomersJob(storage: Storage, job: CustomersConformanceJob, worker: number): Promise<ConformanceJobResult> {
  const result: ConformanceJobResult = { created: 0, conflicts: 0, errors: [] };
  const total = Math.max(job.perWorker, job.contested);
  for (let n = 0; n < total; n++) {
    const attempts: CustomerRecord[] = [];
    if (n < job.perWorker) attempts.push(sampleCustomer(`cus_w${worker}_${pad(n)}`, `w${worker}-${n}`, [`w${worker}-subject-${n}`]));
    if (n < job.contested) attempts.push(sampleCustomer(`cus_c${worker}_${pad(n)}`, `contested-${n}`, [`contested-subject-${n}`]));
    for (const customer of attempts) {
      try {
        await storage.transaction((tx) => tx.customers.insert(customer));
        result.created++;
      } catch (error) {
        if (error instanceof ConflictError) result.conflicts++;
        else result.errors.push(String(error));
      }
    }
  }
  return result;
}

const pad = (n: number): string => String(n).padStart(6, '0');

/**
 * Ingests this worker's overlapping events in batches, one transaction each; worker 0 creates the
 * late COUNT meter halfway through.
 */
async function runEventsJob(storage: Storage, job: EventsConformanceJob, worker: number): Promise<ConformanceJobResult> {
  const result: ConformanceJobResult = { created: 0, conflicts: 0, errors: [] };
  const events = overlappingEvents(worker, job.workers, job.events);
  const batches = Math.ceil(events.length / job.batchSize);
  for (let b = 0; b < batches; b++) {
    if (worker === 0 && b === Math.floor(batches / 2)) {
      try {
        await createMeterWithBackfill(storage, sampleMeter(job.lateMeterId, 'late_count', { aggregation: 'COUNT', valueProperty: null, groupBy: {} }));
      } catch (error) {
        result.errors.push(`late meter: ${String(error)}`);
      }
    }
    const batch = events.slice(b * job.batchSize, (b + 1) * job.batchSize);
    try {
      const stored = await storage.transaction((tx) => ingestRecords(tx, batch));
      result.created += stored;
      result.conflicts += batch.length - stored;
    } catch (error) {
      result.errors.push(String(error));
    }
  }
  return result;
}
