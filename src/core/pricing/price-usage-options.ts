import type { CurrencyRegistry, RoundingMode } from '../money';
import type { MatrixUsageItem, NumericInput } from './price';

/**
 * The quantities of a part of a period, as `priceUsage` and each `simulateInvoice` line take them
 * (docs/pricing.md "Progressive billing: a period in parts").
 */
export interface UsageQuantities {
  /** The usage of this part, ≥ 0; default 0. Not for a matrix price (use `matrixUsage`). */
  quantity?: NumericInput | undefined;
  /** Usage already billed earlier in the same period (progressive billing), ≥ 0; default 0. */
  preLinePeriodQuantity?: NumericInput | undefined;
  /** A matrix price's usage: one item per combination of dimension values. */
  matrixUsage?: readonly MatrixUsageItem[] | undefined;
  /**
   * Whether this part starts the period and pays the first tier's flat amount; default: when
   * `preLinePeriodQuantity` is absent or 0. Pass `false` for a later part after parts without usage.
   */
  periodStart?: boolean | undefined;
  /** Whether this part ends the period, so the minimum spend is settled; default true. */
  periodEnd?: boolean | undefined;
}

/** The options every calculation takes: the rounding mode and the known currencies. */
export interface CalculationOptions {
  /** `'half_up'` (half away from zero, the default) or `'half_even'`. */
  rounding?: RoundingMode | undefined;
  /** The currencies known, custom ones included; default ISO 4217 only. */
  currencies?: CurrencyRegistry | undefined;
}

/** The options of `priceUsage`: the quantities, the currency, the free units and the calculation options. */
export interface PriceUsageOptions extends UsageQuantities, CalculationOptions {
  /** The currency of the amounts (`USD`), known to `currencies`. */
  currency: string;
  /** Free units, ≥ 0, consumed by the pre-line quantity first (docs/pricing.md "Usage discount"). */
  usageDiscount?: NumericInput | undefined;
}
