import { ValidationError, type ValidationIssue } from '../../errors';
import { priceSchema, priceUsageOptionsSchema } from '../../schema/price';
import { toValidationIssues } from '../../schema/validate';
import { CURRENCY_CODE_PATTERN, CurrencyRegistry, parseDecimal, type RoundingMode } from '../money';
import { compileValidPrice } from './compile-price';
import { isCompiledPrice, type CompiledPrice } from './compiled-price';
import { formatMinorUnits } from './minor-units';
import type { Price } from './price';
import { formatLine, sumLines, type PriceLine } from './price-line';
import type { PriceUsageOptions } from './price-usage-options';
import { DEFAULT_CURRENCIES, type PricingContext } from './pricing-context';
import { priceRequest } from './usage-lines';
import { resolveUsageRequest } from './usage-request';

/** What `priceUsage` returns: the net amount and the detailed lines it is the sum of. */
export interface PriceUsageResult {
  /** The sum of the lines: usage + flat + commitment − the maximum-spend discount. */
  amount: string;
  /** Tier by tier, flat parts, the commitment shortfall and the cap, each rounded once. */
  lines: PriceLine[];
}

/**
 * Prices the usage of one period, or of one part of it (docs/semantics.md "Pricing"). Pure: no storage,
 * no clock.
 *
 * Order of operations: usage discount (free units, consumed by `preLinePeriodQuantity` first) →
 * the price model → the maximum-spend cap (a negative `discount` line) → the minimum-spend
 * shortfall (a `commitment` line, only when `periodEnd` is true, its default). Every line is
 * rounded once to the currency's minor units (half away from zero, or `rounding: 'half_even'`);
 * `amount` is the sum of the rounded lines.
 *
 * Progressive billing: with `preLinePeriodQuantity` = p the call bills the part (p, p + quantity]
 * of the period, so that parts add up to the period billed whole (unit, package, graduated,
 * dynamic, matrix, spend limits, usage discount). A volume price refuses p > 0.
 *
 * A matrix price takes its usage per combination of dimension values in `matrixUsage` instead of
 * `quantity`. A flat price returns its amount whatever the quantity.
 *
 * @param price - any price, or a {@link CompiledPrice} (validated once, faster).
 * @param options - the quantities, the currency and the calculation options.
 * @throws ValidationError listing every problem of the price (paths `price.…`) and of the options
 *   (negative quantity, unknown currency, matrix usage that matches no entry...).
 * @throws StateError (reason `progressive_volume`) for a volume price with a pre-line quantity.
 * @example
 * const price = {
 *   type: 'tiered', mode: 'graduated',
 *   tiers: [{ upTo: 1000, unitAmount: '0.01', flatAmount: '5' }, { unitAmount: '0.005' }],
 * } as const;
 * priceUsage(price, { quantity: 1500, currency: 'USD' });
 * // { amount: '17.50', lines: [
 * //   { name: 'Tier 1 flat fee', quantity: '1', unitAmount: '5', amount: '5.00', category: 'flat' },
 * //   { name: 'Tier 1 usage', quantity: '1000', unitAmount: '0.01', amount: '10.00', category: 'usage' },
 * //   { name: 'Tier 2 usage', quantity: '500', unitAmount: '0.005', amount: '2.50', category: 'usage' } ] }
 * priceUsage(price, { quantity: 500, preLinePeriodQuantity: 1000, currency: 'USD' }).amount; // '2.50'
 */
export function priceUsage(price: Price | CompiledPrice, options: PriceUsageOptions): PriceUsageResult {
  const issues: ValidationIssue[] = [];
  let compiled: CompiledPrice | undefined;
  if (isCompiledPrice(price)) {
    compiled = price;
  } else {
    const parsed = priceSchema.safeParse(price);
    // Priced once and dropped: no need to freeze it as compilePrice does.
    if (parsed.success) compiled = compileValidPrice(parsed.data, false);
    else issues.push(...toValidationIssues(parsed.error.issues, 'price'));
  }

  const parsedOptions = priceUsageOptionsSchema.safeParse(options);
  if (!parsedOptions.success) {
    issues.push(...toValidationIssues(parsedOptions.error.issues), ...rawCurrencyIssues(options));
    throw new ValidationError(issues);
  }
  const opts = parsedOptions.data;
  const precision = currencyPrecision(opts.currency, opts.currencies, issues);
  if (compiled === undefined || precision === undefined) throw new ValidationError(issues);

  const { request, issues: usageIssues } = resolveUsageRequest(
    compiled,
    opts,
    opts.usageDiscount === undefined ? undefined : parseDecimal(opts.usageDiscount),
    '',
  );
  issues.push(...usageIssues);
  if (issues.length > 0) throw new ValidationError(issues);

  const ctx: PricingContext = { precision, rounding: (opts.rounding ?? 'half_up') satisfies RoundingMode };
  const lines = priceRequest(compiled, request, ctx);
  return { amount: formatMinorUnits(sumLines(lines), precision), lines: lines.map((line) => formatLine(line, precision)) };
}

/** When the options failed their schema: whether their currency, if well-formed, is known. */
function rawCurrencyIssues(options: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const raw = (typeof options === 'object' && options !== null ? options : {}) as { currency?: unknown; currencies?: unknown };
  if (typeof raw.currency !== 'string' || !CURRENCY_CODE_PATTERN.test(raw.currency)) return issues;
  if (raw.currencies !== undefined && !(raw.currencies instanceof CurrencyRegistry)) return issues;
  currencyPrecision(raw.currency, raw.currencies, issues);
  return issues;
}

/** The precision of `currency`, or `undefined` after pushing an `unknown_currency` issue. @internal */
export function currencyPrecision(
  currency: string,
  currencies: { precision(code: string, path?: string): number } | undefined,
  issues: ValidationIssue[],
  path = 'currency',
): number | undefined {
  try {
    return (currencies ?? DEFAULT_CURRENCIES).precision(currency, path);
  } catch (error) {
    if (error instanceof ValidationError) issues.push(...error.issues);
    else throw error;
    return undefined;
  }
}
