import type { Decimal } from '../money';
import { decimalRatio, divideRounded, type MinorUnits } from '../pricing/minor-units';
import type { PricingContext } from '../pricing/pricing-context';
import { instantToWall, MS_PER_DAY } from '../time/internal';

/** How a partial period is measured: exact milliseconds, or whole calendar days (UTC unless a zone is given). */
export type ProrationMode = 'exact' | 'day';

/** A period as epoch milliseconds, `[from, to)`. @internal */
export interface MsPeriod {
  readonly from: number;
  readonly to: number;
}

/** The share of a full period a partial period bills: `numerator / denominator`. @internal */
export interface ProrationRatio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The length of a period in the proration's unit: milliseconds (`exact`), or the number of
 * calendar days it touches in `timeZone` (`day`: a started day counts whole; an empty period is 0
 * days; default UTC, BILLING.md §5.1). The zone must already be valid.
 * @example
 * periodLength({ from: Date.UTC(2024, 0, 10, 12), to: Date.UTC(2024, 1, 1) }, 'day'); // 22
 * periodLength({ from: Date.UTC(2024, 0, 10, 3), to: Date.UTC(2024, 0, 10, 12) }, 'day', 'America/New_York'); // 2 (Jan 9 and 10)
 */
export function periodLength(period: MsPeriod, mode: ProrationMode, timeZone = 'UTC'): number {
  if (period.to <= period.from) return 0;
  if (mode === 'exact') return period.to - period.from;
  // wall clocks (local time counted as UTC) turn local days into UTC-like days
  const firstDay = Math.floor(instantToWall(period.from, timeZone) / MS_PER_DAY);
  const endDay = Math.ceil(instantToWall(period.to, timeZone) / MS_PER_DAY);
  return endDay - firstDay;
}

/**
 * The proration ratio of `period` within `fullPeriod` (docs/semantics.md D10; `day` mode counts the
 * days in `timeZone`, default UTC), or `undefined` when
 * nothing is prorated: no full period, proration disabled, a period that is not shorter than the
 * full period, or an empty full period.
 * @example
 * // exact: 10 days of a 30-day month → { numerator: 864000000, denominator: 2592000000 }
 */
export function prorationRatio(
  period: MsPeriod,
  fullPeriod: MsPeriod | undefined,
  mode: ProrationMode,
  timeZone?: string,
): ProrationRatio | undefined {
  if (fullPeriod === undefined) return undefined;
  const numerator = periodLength(period, mode, timeZone);
  const denominator = periodLength(fullPeriod, mode, timeZone);
  if (denominator === 0 || numerator >= denominator) return undefined;
  return { numerator, denominator };
}

/**
 * `amount × numerator ÷ denominator`, rounded once to the minor units, computed exactly.
 * @example
 * prorate(parseDecimal(30), { numerator: 10, denominator: 31 }, usd); // 968n (9.677…)
 */
export function prorate(amount: Decimal, ratio: ProrationRatio, ctx: PricingContext): MinorUnits {
  const exact = decimalRatio(amount);
  const numerator = exact.numerator * BigInt(ratio.numerator) * 10n ** BigInt(ctx.precision);
  return divideRounded(numerator, exact.denominator * BigInt(ratio.denominator), ctx.rounding);
}
