import { ZERO, type Decimal } from '../money';
import { roundMoney, type PricingContext } from '../pricing/pricing-context';

/**
 * The monetary credits applied to an invoice (SEMANTICS.md "Invoices"): the credits (each rounded
 * to the minor units) are applied in order to the taxed total, up to it, so the amount due never
 * goes below zero; what is left of the credits is not used (and is not an error).
 * @returns creditsTotal = min(Σ credits, max(0, total)).
 * @example
 * creditsApplied(parseDecimal(50), [parseDecimal(30), parseDecimal(40)], usd).toFixed(); // '50'
 */
export function creditsApplied(total: Decimal, credits: readonly Decimal[], ctx: PricingContext): Decimal {
  let applied = ZERO;
  let left = total.isNegative() ? ZERO : total;
  for (const credit of credits) {
    const amount = roundMoney(credit, ctx);
    const used = amount.lessThan(left) ? amount : left;
    applied = applied.plus(used);
    left = left.minus(used);
  }
  return applied;
}
