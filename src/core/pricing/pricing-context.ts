import { CurrencyRegistry, roundAmount, type Decimal, type RoundingMode } from '../money';

/** How amounts are rounded while pricing: the currency's minor units and the rounding mode. */
export interface PricingContext {
  /** Decimal places of the currency's minor unit (USD 2, JPY 0, BHD 3). */
  readonly precision: number;
  /** `'half_up'` (half away from zero, the default) or `'half_even'`. */
  readonly rounding: RoundingMode;
}

/** The registry used when the caller gives none: ISO 4217 only. Immutable, so shared. */
export const DEFAULT_CURRENCIES: CurrencyRegistry = new CurrencyRegistry();

/**
 * Rounds an exact amount once, to the context's minor units, with its rounding mode (DESIGN.md D2).
 * @example
 * roundMoney(parseDecimal('2.345'), { precision: 2, rounding: 'half_up' }).toFixed(); // '2.35'
 */
export function roundMoney(d: Decimal, ctx: PricingContext): Decimal {
  return roundAmount(d, ctx.precision, ctx.rounding);
}
