import type { SubscriptionRecord, SubscriptionStatusFilter } from '../../../src/storage';

/**
 * A stored subscription's status at `at` (BILLING.md SB6, as the core's `subscriptionStatusAt`
 * decides it): inactive once deleted or from `activeTo` on; otherwise scheduled before
 * `activeFrom`, then active while open-ended, canceled until `activeTo`.
 */
export function storedStatusAt(s: SubscriptionRecord, at: Date): SubscriptionStatusFilter['status'] {
  const t = at.getTime();
  if (s.deletedAt !== null || (s.activeTo !== null && s.activeTo.getTime() <= t)) return 'inactive';
  if (t < s.activeFrom.getTime()) return 'scheduled';
  return s.activeTo === null ? 'active' : 'canceled';
}
