import { CurrencyRegistry, type RoundingMode } from '../money';

/** How amounts are rounded while pricing: the currency's minor units and the rounding mode. */
export interface PricingContext {
  /** Decimal places of the currency's minor unit (USD 2, JPY 0, BHD 3). */
  readonly precision: number;
  /** `'half_up'` (half away from zero, the default) or `'half_even'`. */
  readonly rounding: RoundingMode;
}

/** The registry used when the caller gives none: ISO 4217 only. Immutable, so shared. */
export const DEFAULT_CURRENCIES: CurrencyRegistry = new CurrencyRegistry();
