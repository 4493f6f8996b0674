import type { Decimal } from '../money';
import { toMinorUnits, type MinorUnits } from '../pricing/minor-units';
import type { PricingContext } from '../pricing/pricing-context';

/**
 * The monetary credits applied to an invoice (docs/semantics.md "Invoices"): the credits (each rounded
 * to the minor units) are applied in order to the taxed total, up to it, so the amount due never
 * goes below zero; what is left of the credits is not used (and is not an error).
 * @returns creditsTotal = min(Σ credits, max(0, total)), in minor units.
 * @example
 * creditsApplied(5000n, [parseDecimal(30), parseDecimal(40)], usd); // 5000n
 */
export function creditsApplied(total: MinorUnits, credits: readonly Decimal[], ctx: PricingContext): MinorUnits {
  let applied = 0n;
  let left = total < 0n ? 0n : total;
  for (const credit of credits) {
    const amount = toMinorUnits(credit, ctx);
    const used = amount < left ? amount : left;
    applied += used;
    left -= used;
  }
  return applied;
}
