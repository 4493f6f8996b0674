import { TollgateError } from './tollgate-error';

/**
 * A uniqueness rule would be broken (a duplicate key, a subject key owned by another customer...),
 * or an action collides with a pending one (a subscription whose successor is scheduled).
 * `target` names what collided, from the owning domain's list (`ConflictTarget` is their union);
 * `reason`, when set, is the domain's code for the collision (e.g. `successor_scheduled`).
 */
export class ConflictError<Target extends string = string, Reason extends string = string> extends TollgateError {
  readonly code = 'conflict' as const;
  /** The domain's code for the collision, when it has one beyond `target`. */
  readonly reason: Reason | undefined;

  constructor(
    message: string,
    /** What collided, e.g. `customer.key`, `customer.subjectKeys`. */
    readonly target: Target,
    options?: { cause?: unknown; reason?: Reason },
  ) {
    super(message, options);
    this.reason = options?.reason;
  }
}
