import { TollgateError } from './tollgate-error';

/**
 * A uniqueness rule would be broken (a duplicate key, a subject key owned by another customer...).
 * `target` names what collided, from the owning domain's list (`ConflictTarget` is their union).
 */
export class ConflictError<Target extends string = string> extends TollgateError {
  readonly code = 'conflict' as const;

  constructor(
    message: string,
    /** What collided, e.g. `customer.key`, `customer.subjectKeys`. */
    readonly target: Target,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
