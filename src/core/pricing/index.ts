/**
 * Pricing: every price model, spend limits, usage discount, progressive billing, and
 * `priceUsage`. Pure: no storage, no clock.
 * @packageDocumentation
 */
export { priceUsage, type PriceUsageResult } from './price-usage';
export { compilePrice } from './compile-price';
export { isCompiledPrice, type CompiledPrice } from './compiled-price';
export { validatePrice, parsePrice } from './validate-price';
export type { PriceLine, PriceLineCategory } from './price-line';
export type {
  Price,
  UsagePrice,
  FlatPrice,
  UnitPrice,
  PackagePrice,
  TieredPrice,
  Tier,
  DynamicPrice,
  MatrixPrice,
  MatrixEntry,
  MatrixUsageItem,
  NumericInput,
} from './price';
export type { PriceUsageOptions } from './price-usage-options';
export { pricingStateError, type PricingStateReason } from './errors';
