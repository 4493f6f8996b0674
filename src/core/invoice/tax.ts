import { parseDecimal, type Decimal } from '../money';
import type { TaxConfig } from '../catalog/rate-card';
import { decimalRatio, scaleMinorUnits, type MinorUnits, type Ratio } from '../pricing/minor-units';
import type { PricingContext } from '../pricing/pricing-context';

/** A tax configuration with its rate read. @internal */
export interface TaxRule {
  /** 0.2 = 20 %. */
  readonly rate: Decimal;
  /** The share of the base that is tax: rate (exclusive), rate ÷ (1 + rate) (inclusive), exact. */
  readonly share: Ratio;
  readonly behavior: 'exclusive' | 'inclusive';
}

/** Reads a valid `taxConfig`. @internal */
export function taxRule(config: TaxConfig): TaxRule {
  const rate = parseDecimal(config.rate);
  const { numerator, denominator } = decimalRatio(rate);
  // rate ÷ (1 + rate) = (n / d) ÷ ((d + n) / d) = n ÷ (d + n)
  const share = config.behavior === 'exclusive' ? { numerator, denominator } : { numerator, denominator: denominator + numerator };
  return { rate, share, behavior: config.behavior };
}

/**
 * The tax of one line (docs/semantics.md "Invoices"), rounded once, on `base` = the line's amount after
 * discounts and coupons (minor units): exclusive tax = round(base × rate), added to the total;
 * inclusive tax = round(base × rate ÷ (1 + rate)), the part of the base that is tax, reported but
 * not added. Computed exactly (no truncated quotient).
 * @example
 * lineTax(10000n, taxRule({ rate: '0.2', behavior: 'exclusive' }), usd); // 2000n
 * lineTax(12000n, taxRule({ rate: '0.2', behavior: 'inclusive' }), usd); // 2000n
 */
export function lineTax(base: MinorUnits, rule: TaxRule, ctx: PricingContext): MinorUnits {
  return scaleMinorUnits(base, rule.share, ctx.rounding);
}
