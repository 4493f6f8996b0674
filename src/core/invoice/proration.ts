import type { Decimal } from '../money';
import { decimalRatio, divideRounded, type MinorUnits } from '../pricing/minor-units';
import type { PricingContext } from '../pricing/pricing-context';

/** Milliseconds in a UTC day. */
const MS_PER_DAY = 86_400_000;

/** How a partial period is measured: exact milliseconds, or whole UTC days. */
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
 * The length of a period in the proration's unit: milliseconds (`exact`), or the number of UTC
 * calendar days it touches (`day`: a started day counts whole; an empty period is 0 days).
 * @example
 * periodLength({ from: Date.UTC(2024, 0, 10, 12), to: Date.UTC(2024, 1, 1) }, 'day'); // 22
 */
export function periodLength(period: MsPeriod, mode: ProrationMode): number {
  if (period.to <= period.from) return 0;
  if (mode === 'exact') return period.to - period.from;
  const firstDay = Math.floor(period.from / MS_PER_DAY);
  const endDay = Math.ceil(period.to / MS_PER_DAY);
  return endDay - firstDay;
}

/**
 * The proration ratio of `period` within `fullPeriod` (docs/semantics.md D10), or `undefined` when
 * nothing is prorated: no full period, proration disabled, a period that is not shorter than the
 * full period, or an empty full period.
 * @example
 * // exact: 10 days of a 30-day month → { numerator: 864000000, denominator: 2592000000 }
 */
export function prorationRatio(
  period: MsPeriod,
  fullPeriod: MsPeriod | undefined,
  mode: ProrationMode,
): ProrationRatio | undefined {
  if (fullPeriod === undefined) return undefined;
  const numerator = periodLength(period, mode);
  const denominator = periodLength(fullPeriod, mode);
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
