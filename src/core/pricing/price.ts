/**
 * The price models as users write them (docs/pricing.md "Price models"). The pricing core owns these
 * types; the zod schemas in `src/schema/price.ts` validate them and are checked against them at
 * compile time, so the docs, the validation and the types cannot drift.
 */

/**
 * A decimal as users write it: a decimal string (`'12.50'`, `'-3'`; no exponent) or a finite number.
 * Strings are read exactly (`'1.005'` is 1.005); see docs/pricing.md "Numbers and rounding".
 */
export type NumericInput = string | number;

/** The spend limits every usage price may carry (docs/pricing.md "Spend limits"). */
export interface SpendLimits {
  /** Minimum spend, ≥ 0: the period's shortfall is billed as a `Minimum spend` commitment line at its end. */
  minimumAmount?: NumericInput | undefined;
  /** Maximum spend, ≥ `minimumAmount`: the period's usage charges are capped through a `Maximum spend` discount line. */
  maximumAmount?: NumericInput | undefined;
}

/** `{ type: 'unit', amount }`: quantity × amount. */
export interface UnitPrice extends SpendLimits {
  /** The price model. */
  type: 'unit';
  /** The price of one unit, ≥ 0. */
  amount: NumericInput;
}

/** `{ type: 'package', amount, quantityPerPackage }`: ceil(quantity ÷ quantityPerPackage) × amount. */
export interface PackagePrice extends SpendLimits {
  /** The price model. */
  type: 'package';
  /** The price of one package, ≥ 0. */
  amount: NumericInput;
  /** The units in one package, > 0 (may be fractional); a started package is billed whole. */
  quantityPerPackage: NumericInput;
}

/**
 * One tier of a tiered price: it covers (previous `upTo`, `upTo`]; the last tier has no `upTo`.
 * Missing amounts are 0.
 */
export interface Tier {
  /** The tier's inclusive upper bound, ≥ 0, greater than the previous tier's; absent on the last tier only. */
  upTo?: NumericInput | undefined;
  /** The price of each unit in the tier, ≥ 0; default 0. */
  unitAmount?: NumericInput | undefined;
  /** An amount charged once when usage enters the tier (the first tier's even at zero usage), ≥ 0; default 0. */
  flatAmount?: NumericInput | undefined;
}

/**
 * `{ type: 'tiered', mode, tiers }`: graduated (each unit priced in its own tier) or volume (the
 * whole quantity priced by the tier that contains it).
 */
export interface TieredPrice extends SpendLimits {
  /** The price model. */
  type: 'tiered';
  /** `graduated`: each unit in its own tier; `volume`: every unit at the tier the total falls in (whole periods only). */
  mode: 'graduated' | 'volume';
  /** The tiers, at least one, bounded tiers in increasing `upTo` order, the last one open-ended. */
  tiers: readonly Tier[];
}

/** `{ type: 'dynamic', multiplier? }`: the quantity is an amount of money, billed × multiplier. */
export interface DynamicPrice extends SpendLimits {
  /** The price model. */
  type: 'dynamic';
  /** What each unit of the quantity is billed at, ≥ 0; default 1. */
  multiplier?: NumericInput | undefined;
}

/** One entry of a matrix price: the unit amount of one combination of dimension values. */
export interface MatrixEntry {
  /** The value of every dimension of the price, e.g. `{ region: 'eu', model: 'large' }`; each combination once. */
  match: Record<string, string>;
  /** The price of one unit of usage with these values, ≥ 0. */
  amount: NumericInput;
}

/**
 * `{ type: 'matrix', dimensions, entries }` (as Orb's matrix price): the unit amount is chosen by
 * the values of the usage's dimensions; usage is given per combination (`matrixUsage`).
 */
export interface MatrixPrice extends SpendLimits {
  /** The price model. */
  type: 'matrix';
  /** The dimension names, at least one, each once (e.g. a meter's group-by names). */
  dimensions: readonly string[];
  /** At least one entry; each names exactly the dimensions, and no combination twice. Lines follow this order. */
  entries: readonly MatrixEntry[];
}

/** `{ type: 'flat', amount, paymentTerm? }`: a fixed amount per period, whatever the quantity. */
export interface FlatPrice {
  /** The price model. */
  type: 'flat';
  /** The amount per period, ≥ 0. */
  amount: NumericInput;
  /** When a billing run bills it: at the start of the period (`in_advance`, the default) or at its end. */
  paymentTerm?: 'in_advance' | 'in_arrears' | undefined;
}

/** A usage price: every model but flat, each with optional spend limits. */
export type UsagePrice = UnitPrice | PackagePrice | TieredPrice | DynamicPrice | MatrixPrice;

/** Any price `priceUsage` accepts: a usage price or a flat price. */
export type Price = UsagePrice | FlatPrice;

/** The usage of one combination of dimension values of a matrix price. */
export interface MatrixUsageItem {
  /** The value of every dimension of the price, e.g. `{ region: 'eu', model: 'large' }`. */
  dimensions: Record<string, string>;
  /** This combination's usage in this part of the period, ≥ 0. */
  quantity: NumericInput;
  /** This combination's usage already billed earlier in the period (progressive billing), ≥ 0; default 0. */
  preLinePeriodQuantity?: NumericInput | undefined;
}
