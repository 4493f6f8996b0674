import { ValidationError } from '../../errors';
import type { Instant } from '../time';
import { toEpochMs } from '../time/internal';

/** When an action takes effect (BILLING.md §1 `Timing`). */
export type Timing = 'immediate' | 'next_billing_cycle' | Instant;

/**
 * The instant an action takes effect (BILLING.md SB8): `immediate` = now; `next_billing_cycle` = the
 * end of the billing period containing now (SB5, so at most the phase end: pass
 * `billingPeriodAt(periods, now).to`); an instant as given, which must not be before now. Which
 * timings an action accepts (edit: not an instant) is the caller's rule.
 *
 * @throws {@link ValidationError} `timing_in_past` (path `timing`); `invalid_instant`; `invalid_range`
 *   (path `currentPeriodEnd`) when `next_billing_cycle` is asked and the period end is not after now.
 * @example
 * resolveTiming('next_billing_cycle', { now: '2024-01-20', currentPeriodEnd: '2024-02-01' }); // 2024-02-01
 * resolveTiming('2024-01-04', { now: '2024-01-05', currentPeriodEnd: '2024-02-01' });          // throws timing_in_past
 */
export function resolveTiming(timing: Timing, context: { now: Instant; currentPeriodEnd: Instant }): Date {
  const now = toEpochMs(context.now, 'now');
  if (timing === 'immediate') return new Date(now);
  if (timing === 'next_billing_cycle') {
    const end = toEpochMs(context.currentPeriodEnd, 'currentPeriodEnd');
    if (end <= now) throw ValidationError.single('currentPeriodEnd', 'invalid_range', 'The current billing period must end after now');
    return new Date(end);
  }
  const t = toEpochMs(timing, 'timing');
  if (t < now) throw ValidationError.single('timing', 'timing_in_past', 'The timing is before now: give an instant at or after now');
  return new Date(t);
}
