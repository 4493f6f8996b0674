import { ConflictError } from '../../errors';
import type { Storage } from '../port';
import type { CustomerRecord } from '../records';
import type { ConformanceJob, ConformanceJobResult } from './target';

/** A customer record for conformance tests; ids sort in creation order within a suite. */
export function sampleCustomer(id: string, key: string, subjectKeys: string[] = [], at = new Date(Date.UTC(2024, 0, 1))): CustomerRecord {
  return {
    id,
    key,
    name: `Customer ${key}`,
    subjectKeys,
    currency: 'USD',
    timezone: 'Europe/Paris',
    metadata: { tier: 'gold', nested: { n: 1, list: [1, 'two', null] } },
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
  };
}

/**
 * The work one process does in the multi-process conformance test: create its own customers and
 * race the other workers for the contested keys (and subject keys), interleaving transactions.
 */
export async function runConformanceJob(storage: Storage, job: ConformanceJob, worker: number): Promise<ConformanceJobResult> {
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
