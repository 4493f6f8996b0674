import type { EntitlementLifetime } from '../entitlements/entitlement-lifetime';
import type { EntitlementDenialReason } from '../entitlements/entitlement-value';
import { isActiveAt } from '../entitlements/is-active-at';
import { subscriptionStatusAt, type SubscriptionDates } from './subscription-status';

/** One of a customer's entitlements to a feature, with the subscription that manages it, if any. */
export interface CheckedEntitlement extends EntitlementLifetime {
  /** The managing subscription's dates (deletedAt included); null for a manual entitlement. */
  subscription: SubscriptionDates | null;
}

/** Why a check at t finds nothing to grant access with (BILLING.md EN5). */
export type MissingEntitlementReason = Extract<EntitlementDenialReason, 'subscription_inactive' | 'inactive' | 'no_entitlement'>;

/**
 * Why a check at `at` for (customer, feature) finds no entitlement active at `at` (BILLING.md EN5),
 * given all of the customer's entitlements to the feature, deleted ones included; `null` when one is
 * active (the check then reads it). The latest one (by `activeFrom`, else `createdAt`; ties: the
 * later created, then the later listed) decides: subscription-managed and its subscription
 * `scheduled` or `inactive` at `at` → `subscription_inactive` (a future start, S35; after a cancel,
 * S25); any other existing one (an item removed, a manual one ended or deleted, a subscription
 * still running without the feature) → `inactive`; none at all → `no_entitlement`.
 *
 * @example
 * checkDenial([{ createdAt: jan1, deletedAt: null, activeFrom: jan1, activeTo: feb1,
 *   subscription: { activeFrom: jan1, activeTo: feb1 } }], feb1); // 'subscription_inactive' (S25)
 * checkDenial([], feb1); // 'no_entitlement'
 */
export function checkDenial(entitlements: readonly CheckedEntitlement[], at: Date): MissingEntitlementReason | null {
  const t = at.getTime();
  if (entitlements.some((e) => isActiveAt(e, t))) return null;
  let latest: CheckedEntitlement | undefined;
  for (const e of entitlements) {
    if (latest === undefined || compare(e, latest) >= 0) latest = e;
  }
  if (latest === undefined) return 'no_entitlement';
  if (latest.subscription !== null) {
    const status = subscriptionStatusAt(latest.subscription, at);
    if (status === 'scheduled' || status === 'inactive') return 'subscription_inactive';
  }
  return 'inactive';
}

function compare(a: CheckedEntitlement, b: CheckedEntitlement): number {
  const start = (e: CheckedEntitlement) => (e.activeFrom ?? e.createdAt).getTime();
  return start(a) - start(b) || a.createdAt.getTime() - b.createdAt.getTime();
}
