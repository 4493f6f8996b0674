import { TollgateError } from './tollgate-error';

/** The action is not allowed in the current state (an archived customer, an edited migration...). */
export class StateError extends TollgateError {
  readonly code = 'state_error' as const;

  constructor(
    message: string,
    /** A stable reason, e.g. `archived`, `migration_checksum_mismatch`. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
