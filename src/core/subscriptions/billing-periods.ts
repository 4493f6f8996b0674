import { ValidationError } from '../../errors';
import { periods, type Instant, type Period } from '../time';
import { parseIntervalCached, toEpochMs } from '../time/internal';
import type { PhaseInterval } from './phase-starts';

/** A billing period (BILLING.md SB5): a grid period cut to one phase and to the subscription. */
export interface BillingPeriod {
  from: Date;
  to: Date;
  /** The key of the phase the period lies in. */
  phase: string;
  /** The uncut grid period `[b_k, b_k+1)` it was cut from. */
  fullPeriod: Period;
}

/** Input of {@link billingPeriods}. */
export interface BillingPeriodsInput {
  /** Boundary 0 of the grid (SB3). */
  billingAnchor: Instant;
  /** The plan's billing cadence, a non-zero ISO-8601 duration. */
  billingCadence: string;
  /** The subscription's phases, clipped to `[activeFrom, activeTo)` ({@link phaseIntervals}). */
  phases: readonly PhaseInterval[];
  /** IANA zone of the grid. Default `UTC`. */
  timeZone?: string | undefined;
  /** List only the periods overlapping `[from, to)`. Default: from the first phase's start. */
  from?: Instant | undefined;
  /** Required when the last phase is open-ended: the list must end somewhere. */
  to?: Instant | undefined;
}

/**
 * The billing periods of a subscription (BILLING.md SB5) that overlap `[from, to)`, in order: the
 * grid `b_k = anchor + k × billingCadence` (k ∈ ℤ, each boundary computed from the anchor in the
 * zone, month ends clamped from the anchor's day), cut at every phase boundary and clipped to the
 * phases (which are clipped to `[activeFrom, activeTo)`). A phase boundary always cuts: a P14D trial
 * stays 14 days, it is not rounded to the grid. Periods are whole SB5 periods, not cut by the range.
 * At most `MAX_PERIODS` per phase (core/time).
 *
 * @throws {@link ValidationError} `range_required` (path `to`) when the last phase is open-ended and
 *   `to` is absent; `invalid_range` (path `to`) when `to` is before `from`; `too_many_periods`, and the
 *   codes of the inputs.
 * @example
 * billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', phases, to: '2024-04-01' });
 * // [{ from: Jan 10, to: Feb 1, phase: 'intro', fullPeriod: { from: Jan 1, to: Feb 1 } }, ...]
 */
export function billingPeriods(input: BillingPeriodsInput): BillingPeriod[] {
  parseIntervalCached(input.billingCadence, 'billingCadence');
  const anchor = new Date(toEpochMs(input.billingAnchor, 'billingAnchor'));
  const last = input.phases[input.phases.length - 1];
  if (last === undefined) return [];
  if (last.to === null && input.to === undefined) {
    throw ValidationError.single('to', 'range_required', 'The subscription is open-ended: give `to` to bound its billing periods');
  }
  const fromMs = input.from === undefined ? Number.NEGATIVE_INFINITY : toEpochMs(input.from, 'from');
  const toMs = input.to === undefined ? Number.POSITIVE_INFINITY : toEpochMs(input.to, 'to');
  if (fromMs > toMs) throw ValidationError.single('to', 'invalid_range', '`to` is before `from`: the range [from, to) must not be reversed');
  const out: BillingPeriod[] = [];
  for (const phase of input.phases) {
    const phaseFrom = phase.from.getTime();
    const phaseTo = phase.to === null ? Number.POSITIVE_INFINITY : phase.to.getTime();
    const lo = Math.max(phaseFrom, fromMs);
    const hi = Math.min(phaseTo, toMs);
    if (!(lo < hi)) continue;
    const grid = periods(anchor, input.billingCadence, {
      from: new Date(lo),
      to: new Date(hi),
      timeZone: input.timeZone,
    });
    for (const full of grid) {
      const cutTo = Math.min(full.to.getTime(), phaseTo);
      out.push({
        from: new Date(Math.max(full.from.getTime(), phaseFrom)),
        to: new Date(cutTo),
        phase: phase.key,
        fullPeriod: full,
      });
    }
  }
  return out;
}

/**
 * The billing period containing `at`, or null (BILLING.md SB5 `currentPeriod`).
 * @example
 * billingPeriodAt(timeline.billingPeriods, now)?.to; // what `next_billing_cycle` resolves to (SB8)
 */
export function billingPeriodAt(list: readonly BillingPeriod[], at: Instant): BillingPeriod | null {
  const t = toEpochMs(at, 'at');
  return list.find((p) => p.from.getTime() <= t && t < p.to.getTime()) ?? null;
}
