import { TollgateError } from './tollgate-error';

/**
 * The action is not allowed in the current state (an archived customer, an edited migration...).
 * `reason` is one of the reason codes of the domain that refused (each domain's `errors.ts` lists
 * them: `CatalogStateReason`, `EntitlementStateReason`...; `StateReason` is their union).
 */
export class StateError<Reason extends string = string> extends TollgateError {
  readonly code = 'state_error' as const;

  constructor(
    message: string,
    /** A stable reason, e.g. `archived`, `migration_checksum_mismatch`. */
    readonly reason: Reason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
