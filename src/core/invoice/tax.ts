import type { Decimal } from '../money';
import { roundMoney, type PricingContext } from '../pricing/pricing-context';

/** A tax configuration with its rate read. @internal */
export interface TaxRule {
  /** 0.2 = 20 %. */
  readonly rate: Decimal;
  readonly behavior: 'exclusive' | 'inclusive';
}

/**
 * The tax of one line (SEMANTICS.md "Invoices"), rounded once, on `base` = the line's amount after
 * discounts and coupons: exclusive tax = round(base × rate), added to the total; inclusive tax =
 * round(base × rate ÷ (1 + rate)), the part of the base that is tax, reported but not added.
 * @example
 * lineTax(parseDecimal(100), { rate: parseDecimal('0.2'), behavior: 'exclusive' }, usd).toFixed(); // '20'
 * lineTax(parseDecimal(120), { rate: parseDecimal('0.2'), behavior: 'inclusive' }, usd).toFixed(); // '20'
 */
export function lineTax(base: Decimal, rule: TaxRule, ctx: PricingContext): Decimal {
  const exact = rule.behavior === 'exclusive' ? base.times(rule.rate) : base.times(rule.rate).div(rule.rate.plus(1));
  return roundMoney(exact, ctx);
}
