import type { Decimal } from '../money';
import { flatLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';

/**
 * Flat price: its amount, as one `Flat fee` line (quantity 1). The payment term (in advance or
 * in arrears) says when a billing run bills it, not how much. @internal
 * @example
 * priceFlat({ amount: parseDecimal('49') }, usd); // [{ name: 'Flat fee', quantity: 1, amount: 49.00, ... }]
 */
export function priceFlat(model: { readonly amount: Decimal }, ctx: PricingContext): DetailedLine[] {
  return [flatLine('Flat fee', model.amount, ctx)];
}
