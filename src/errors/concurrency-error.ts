import { TollgateError } from './tollgate-error';

/** Concurrent writers kept colliding and the operation gave up after its retries. Nothing was written. */
export class ConcurrencyError extends TollgateError {
  readonly code = 'concurrency_error' as const;
}
