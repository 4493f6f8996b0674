import { ONE, type Decimal } from '../money';
import { toMinorUnits, type MinorUnits } from './minor-units';
import type { DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';

/**
 * Maximum spend on a part of a period (docs/semantics.md "Pricing"): earlier parts are taken to have
 * billed min(max, previous); this part pays min(max, previous + part) − min(max, previous). The
 * difference from `part` is a `Maximum spend` discount line (a negative amount), or nothing when
 * the cap does not bite. `previous` and `part` are sums of rounded lines; `maximum` is rounded to
 * the minor units first. @internal
 * @example
 * // max 100, earlier parts 90, this part 25 → pays 10: a line of -15.00
 */
export function maximumSpendLine(maximum: Decimal, previous: MinorUnits, part: MinorUnits, ctx: PricingContext): DetailedLine | undefined {
  const cap = toMinorUnits(maximum, ctx);
  const paid = smaller(cap, previous + part) - smaller(cap, previous);
  const discount = paid - part;
  if (discount === 0n) return undefined;
  return { name: 'Maximum spend', quantity: ONE, amount: discount, category: 'discount' };
}

/**
 * Minimum spend, settled on the whole period: the shortfall of the period's usage charges
 * (`periodCharges`, before the cap) below `minimum` (rounded to the minor units first) is a
 * `Minimum spend` commitment line, or nothing when there is no shortfall. @internal
 * @example
 * // min 100, usage 25 → a commitment line of 75.00
 */
export function minimumSpendLine(minimum: Decimal, periodCharges: MinorUnits, ctx: PricingContext): DetailedLine | undefined {
  const shortfall = toMinorUnits(minimum, ctx) - periodCharges;
  if (shortfall <= 0n) return undefined;
  return { name: 'Minimum spend', quantity: ONE, amount: shortfall, category: 'commitment' };
}

function smaller(a: MinorUnits, b: MinorUnits): MinorUnits {
  return a < b ? a : b;
}
