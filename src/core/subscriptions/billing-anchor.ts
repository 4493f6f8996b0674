import { ValidationError } from '../../errors';
import type { Instant } from '../time';
import { toEpochMs } from '../time/internal';
import type { PhaseInterval } from './phase-starts';

/** A billing anchor as given: an instant, or the start of a named phase. */
export type BillingAnchorInput = Instant | { phaseStart: string };

/**
 * The billing anchor of a subscription (BILLING.md SB3): `activeFrom` by default, an instant as
 * given (stored as is, never normalised: a 2023-01-15 anchor stays 2023-01-15 on a 2024 start), or
 * `{ phaseStart: k }` = the start of phase k. `phases` are the subscription's phases, unclipped by
 * its end ({@link phaseStarts}), so a phase dropped by `startingPhase` is unknown here.
 *
 * @throws {@link ValidationError} `unknown_phase` (path `billingAnchor.phaseStart`), `invalid_instant`
 *   (path `billingAnchor`).
 * @example
 * resolveBillingAnchor({ phaseStart: 'default' }, { activeFrom, phases }); // the default phase's start
 */
export function resolveBillingAnchor(
  anchor: BillingAnchorInput | undefined,
  context: { activeFrom: Instant; phases: readonly Pick<PhaseInterval, 'key' | 'from'>[] },
): Date {
  if (anchor === undefined) return new Date(toEpochMs(context.activeFrom, 'activeFrom'));
  if (typeof anchor === 'object' && !(anchor instanceof Date)) {
    const key: unknown = (anchor as { phaseStart?: unknown }).phaseStart;
    const phase = context.phases.find((p) => p.key === key);
    if (phase === undefined) {
      throw ValidationError.single('billingAnchor.phaseStart', 'unknown_phase', `The subscription has no phase "${String(key)}"`);
    }
    return new Date(phase.from.getTime());
  }
  return new Date(toEpochMs(anchor, 'billingAnchor'));
}
