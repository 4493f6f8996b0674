import { TollgateError } from './tollgate-error';

/** A uniqueness rule would be broken (a duplicate key, a subject key owned by another customer...). */
export class ConflictError extends TollgateError {
  readonly code = 'conflict' as const;

  constructor(
    message: string,
    /** What collided, e.g. `customer.key`, `customer.subjectKeys`. */
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
