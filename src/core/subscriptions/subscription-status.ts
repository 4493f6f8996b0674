import type { Instant } from '../time';
import { toEpochMs } from '../time/internal';

/** Where a subscription stands at an instant (BILLING.md SB6). */
export type SubscriptionStatus = 'scheduled' | 'active' | 'canceled' | 'inactive';

/** The dates that place a subscription in time. */
export interface SubscriptionDates {
  activeFrom: Instant;
  /** `null` (or absent): open-ended. */
  activeTo?: Instant | null | undefined;
  /** When a scheduled subscription was deleted; from then on it reads `inactive`. */
  deletedAt?: Instant | null | undefined;
}

/**
 * The status of a subscription at `at` (BILLING.md SB6, as OpenMeter's `GetStatusAt`): `inactive`
 * once deleted (`at ≥ deletedAt`) or from `activeTo` on; else `scheduled` before `activeFrom`;
 * else `active` when open-ended, `canceled` while an end is set but not reached.
 * A deleted subscription stays readable, so a status is still given for it.
 *
 * @throws {@link ValidationError} `invalid_instant` for a bad date.
 * @example
 * subscriptionStatusAt({ activeFrom: '2024-01-01', activeTo: '2024-02-01' }, '2024-01-20'); // 'canceled'
 */
export function subscriptionStatusAt(dates: SubscriptionDates, at: Instant): SubscriptionStatus {
  const t = toEpochMs(at, 'at');
  const from = toEpochMs(dates.activeFrom, 'activeFrom');
  const to = dates.activeTo === null || dates.activeTo === undefined ? null : toEpochMs(dates.activeTo, 'activeTo');
  const deleted = dates.deletedAt === null || dates.deletedAt === undefined ? null : toEpochMs(dates.deletedAt, 'deletedAt');
  if (deleted !== null && t >= deleted) return 'inactive';
  if (to !== null && t >= to) return 'inactive';
  if (t < from) return 'scheduled';
  return to === null ? 'active' : 'canceled';
}
