import { inactiveEntitlementValue, isActiveAt, noEntitlementValue, subscriptionInactiveValue, type EntitlementValue } from '../../core/entitlements';
import { checkDenial, type CheckedEntitlement } from '../../core/subscriptions';
import type { EntitlementRecord, StorageTransaction, SubscriptionRecord } from '../../storage';

/**
 * Why a check at `atMs` finds no entitlement of the customer to the feature active (BILLING.md EN5),
 * as the value it answers: `subscription_inactive` when the latest one is a subscription's and that
 * subscription is scheduled or over at `atMs`, `inactive` when one exists otherwise,
 * `no_entitlement` for none. `undefined` when `applied` (what `entitlementAt` chose) is active: the
 * caller evaluates it. Reads the subscriptions only on this denial path, so a granted check stays
 * one read.
 */
export async function denialAt(
  tx: StorageTransaction,
  all: readonly EntitlementRecord[],
  applied: EntitlementRecord | undefined,
  atMs: number,
): Promise<EntitlementValue | undefined> {
  if (applied === undefined) return noEntitlementValue();
  if (isActiveAt(applied, atMs)) return undefined;
  if (!all.some((e) => e.subscriptionId !== null)) return inactiveEntitlementValue(applied.type);
  const subscriptions = new Map<string, SubscriptionRecord | undefined>();
  const checked: CheckedEntitlement[] = [];
  for (const e of all) {
    const id = e.subscriptionId;
    if (id !== null && !subscriptions.has(id)) subscriptions.set(id, await tx.subscriptions.findById(id));
    checked.push({ ...e, subscription: (id === null ? undefined : subscriptions.get(id)) ?? null });
  }
  const reason = checkDenial(checked, new Date(atMs));
  if (reason === 'subscription_inactive') return subscriptionInactiveValue(applied.type);
  if (reason === 'no_entitlement') return noEntitlementValue();
  return inactiveEntitlementValue(applied.type);
}
