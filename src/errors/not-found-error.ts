import { TollgateError } from './tollgate-error';

/** A referenced resource (by id or key) does not exist. */
export class NotFoundError extends TollgateError {
  readonly code = 'not_found' as const;

  constructor(
    /** The kind of resource, e.g. `customer`. */
    readonly resource: string,
    /** The id or key that was looked up. */
    readonly ref: string,
    options?: { cause?: unknown },
  ) {
    super(`${resource} not found: ${ref}`, options);
  }
}
