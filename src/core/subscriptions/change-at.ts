import { ValidationError } from '../../errors';
import type { Instant } from '../time';
import type { BillingAnchorInput } from './billing-anchor';
import { endAt, type CancelableSubscription, type CancelResult, type Proration } from './cancel-at';
import { subscriptionStateError } from './errors';
import { resolvePlanVersion, type PlanVersionDates } from './resolve-plan-version';

/** What a change needs to know of the current subscription. */
export interface ChangeableSubscription extends CancelableSubscription {
  /** The current's billing anchor as stored (SB3): the successor's default. */
  billingAnchor: Instant;
}

/** The two halves of a change (BILLING.md SB11). */
export interface ChangeResult {
  /** The current subscription ends at the change instant (SB9). */
  current: CancelResult;
  /** The successor starts there, anchored like the current unless told otherwise. */
  next: { activeFrom: Date; billingAnchor: BillingAnchorInput };
}

/**
 * Changes a subscription at `at` (BILLING.md SB11; SB12 for migrate): the current ends at `at` as a
 * cancel would (SB9, `proration` applies to its last period), and its successor starts at `at` with
 * `billingAnchor` defaulting to the current's anchor, so an upgrade keeps the billing dates. The
 * caller links the two by previous/nextSubscriptionId in one transaction; the successor is
 * `scheduled` until `at` when `at` is after now.
 *
 * @throws {@link ConflictError} `successor_scheduled` (SB7a).
 * @throws {@link StateError} `invalid_transition` (SB7: only an active subscription changes).
 * @throws {@link ValidationError} `timing_in_past` (path `timing`).
 * @example
 * changeAt({ activeFrom: jan1, billingAnchor: jan1 }, { now: jan20, at: feb1 });
 * // { current: { activeTo: feb1, proration: 'prorate' }, next: { activeFrom: feb1, billingAnchor: jan1 } } (S24)
 */
export function changeAt(
  current: ChangeableSubscription,
  options: {
    now: Date;
    at: Date;
    billingAnchor?: BillingAnchorInput | undefined;
    proration?: Proration | undefined;
    /** `migrate` for SB12, so a refusal names it. Default `change`. */
    action?: 'change' | 'migrate' | undefined;
  },
): ChangeResult {
  const ended = endAt(options.action ?? 'change', current, options);
  const anchor = options.billingAnchor ?? current.billingAnchor;
  return {
    current: ended,
    next: {
      activeFrom: new Date(ended.activeTo.getTime()),
      billingAnchor: anchor instanceof Date ? new Date(anchor.getTime()) : anchor,
    },
  };
}

/**
 * The plan version a migrate moves to (BILLING.md SB12): `requested`, or by default the version of
 * the same key active at now ({@link resolvePlanVersion}); it must be newer than the current one.
 * Returns `undefined` for an unknown requested version (the caller's NotFoundError).
 *
 * @throws {@link StateError} `custom_plan` for a custom-plan subscription (no key: use change);
 *   `plan_not_subscribable` for a draft, archived or scheduled target.
 * @throws {@link ValidationError} `not_newer` (path `version`) when the target is the current version or older.
 * @example
 * nextMigrationVersion(proVersions, { key: 'pro', version: 1 }, undefined, jan20); // version 2 (S34)
 * nextMigrationVersion(proVersions, { key: 'pro', version: 2 }, undefined, jan20); // throws not_newer
 */
export function nextMigrationVersion<V extends PlanVersionDates>(
  versions: readonly V[],
  current: { key: string; version: number } | null,
  requested: number | undefined,
  now: Date,
): V | undefined {
  if (current === null) {
    throw subscriptionStateError('A custom-plan subscription has no plan key to migrate along: change it instead', 'custom_plan');
  }
  if (requested !== undefined) {
    if (!versions.some((v) => v.version === requested)) return undefined;
    assertNewer(requested, current.version);
    return resolvePlanVersion(versions, { version: requested }, now);
  }
  const latest = resolvePlanVersion(versions, {}, now);
  if (latest !== undefined) assertNewer(latest.version, current.version);
  return latest;
}

function assertNewer(target: number, current: number): void {
  if (target <= current) {
    throw ValidationError.single('version', 'not_newer', `Version ${target} is not newer than the subscription's version ${current}`);
  }
}
