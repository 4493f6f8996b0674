import type { SubscriptionStatusFilter } from '../../../src/storage';

/**
 * The condition on `tg_subscriptions` columns for a status at the instant bound to `$at` (BILLING.md
 * SB6, as the core's `subscriptionStatusAt` decides it): inactive once deleted or from `active_to`
 * on; otherwise scheduled before `active_from`, then active while open-ended, canceled until
 * `active_to`. Each subscription matches exactly one status at an instant.
 */
export function statusCondition(status: SubscriptionStatusFilter['status'], at: string): string {
  const ended = `(deleted_at IS NOT NULL OR active_to <= ${at})`;
  const live = `deleted_at IS NULL AND (active_to IS NULL OR ${at} < active_to)`;
  switch (status) {
    case 'inactive':
      return ended;
    case 'scheduled':
      return `(${live} AND ${at} < active_from)`;
    case 'active':
      return `(deleted_at IS NULL AND active_to IS NULL AND active_from <= ${at})`;
    case 'canceled':
      return `(deleted_at IS NULL AND active_from <= ${at} AND ${at} < active_to)`;
  }
}
