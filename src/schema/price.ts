import { z } from 'zod';
import type { ValidationIssue } from '../errors';
import { CurrencyRegistry, parseDecimal } from '../core/money';
import { currencyCodeSchema } from './common';
import { isRecord } from '../core/is-record';
import type {
  DynamicPrice,
  FlatPrice,
  MatrixEntry,
  MatrixPrice,
  MatrixUsageItem,
  NumericInput,
  PackagePrice,
  Price,
  Tier,
  TieredPrice,
  UnitPrice,
  UsagePrice,
} from '../core/pricing/price';
import type { PriceUsageOptions, UsageQuantities } from '../core/pricing/price-usage-options';
import type { Assert, Exact } from './type-check';

export type {
  DynamicPrice,
  FlatPrice,
  MatrixEntry,
  MatrixPrice,
  MatrixUsageItem,
  NumericInput,
  PackagePrice,
  Price,
  Tier,
  TieredPrice,
  UnitPrice,
  UsagePrice,
} from '../core/pricing/price';
export type { PriceUsageOptions } from '../core/pricing/price-usage-options';

/**
 * Prices (docs/semantics.md D6, docs/pricing.md): the zod schemas of every price model, and the checks
 * that need more than one field (tiers order, min ≤ max, matrix entries).
 *
 * Every field check is *continuable*: a price with a bad amount still has its tiers, its spend
 * limits and its matrix entries checked, so one validation reports every problem at once.
 * Problems found by Tollgate's own checks are zod `custom` issues whose `params.code` carries the
 * stable Tollgate code (`invalid_decimal`, `negative`, `tiers_unsorted`...); `toValidationIssues`
 * turns them into {@link ValidationIssue}s with that code.
 */

/** The shape of a decimal string: optional minus, digits, optional `.` and digits. */
const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** What a zod check context lets us do: add an issue. */
export type IssueSink = { addIssue(issue: { code: 'custom'; message: string; path?: PropertyKey[]; params?: Record<string, unknown> }): void };

/** Adds a custom issue that carries a Tollgate code (kept by `toValidationIssues`). */
export function report(ctx: IssueSink, code: string, message: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: 'custom', message, path, params: { code } });
}

/** Which sign a decimal field accepts. */
type Sign = 'any' | 'non_negative' | 'positive';

/** The reason `value` is not a decimal input, or `undefined` when it is one. */
function decimalProblem(value: unknown): { code: string; message: string } | undefined {
  if (value === undefined) return { code: 'required', message: 'Required: a decimal number or string' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { code: 'invalid_decimal', message: `expected a finite number, got ${String(value)}` };
  }
  if (typeof value === 'string') {
    if (DECIMAL_STRING.test(value)) return undefined;
    try {
      parseDecimal(value);
    } catch (error) {
      const message = (error as { issues?: readonly ValidationIssue[] }).issues?.[0]?.message;
      return { code: 'invalid_decimal', message: message ?? 'not a decimal string' };
    }
  }
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return { code: 'invalid_decimal', message: `expected a decimal number or string, got ${got}` };
}

/** Checks a decimal input and its sign, adding issues to `ctx`. */
function checkDecimal(value: unknown, sign: Sign, ctx: IssueSink): void {
  const problem = decimalProblem(value);
  if (problem) {
    report(ctx, problem.code, problem.message);
    return;
  }
  if (sign === 'any') return;
  // The sign of a valid input, read without building a decimal (this runs for every amount).
  let zero: boolean;
  let negative: boolean;
  if (typeof value === 'number') {
    zero = value === 0;
    negative = value < 0;
  } else {
    const text = String(value);
    zero = !/[1-9]/.test(text);
    negative = !zero && text.startsWith('-');
  }
  if (sign === 'non_negative' && negative) {
    report(ctx, 'negative', `must not be negative, got ${parseDecimal(value).toFixed()}`);
  } else if (sign === 'positive' && (negative || zero)) {
    report(ctx, 'not_positive', `must be greater than 0, got ${parseDecimal(value).toFixed()}`);
  }
}

function decimalSchema(sign: Sign) {
  return z.custom<string | number>().check(z.superRefine((value: unknown, ctx) => checkDecimal(value, sign, ctx)));
}

/**
 * A `Numeric` input: a finite JS number or a string matching `^-?\d+(\.\d+)?$` (read as
 * `parseDecimal` reads it: `1.005` is exactly 1.005). Reports `required` or `invalid_decimal`.
 * @example
 * decimalInput.safeParse('12.50').success; // true
 * decimalInput.safeParse('1e5').success;   // false
 */
export const decimalInput = decimalSchema('any');

/** A `Numeric` input that must not be negative (code `negative`). */
export const nonNegativeDecimalInput = decimalSchema('non_negative');

/** A `Numeric` input that must be greater than zero (code `not_positive`). */
export const positiveDecimalInput = decimalSchema('positive');

/** The decimal value of an input already known to be valid, or `undefined` when it is not valid. */
function decimalOrUndefined(value: unknown) {
  return decimalProblem(value) === undefined ? parseDecimal(value) : undefined;
}


/** Runs `fn` on the object even when its fields have problems, so every problem is reported. */
function always<T>(fn: (value: Record<string, unknown>, ctx: IssueSink) => void) {
  return z.superRefine<T>((value, ctx) => {
    if (isRecord(value)) fn(value, ctx);
  }, { when: () => true });
}

// ---------------------------------------------------------------------------------------------
// Spend limits

const spendLimitsShape = {
  /** Minimum spend: the shortfall is billed as a commitment line at the period's end. */
  minimumAmount: nonNegativeDecimalInput.optional(),
  /** Maximum spend: the period's usage charges are capped through a discount line. */
  maximumAmount: nonNegativeDecimalInput.optional(),
};

/** `minimumAmount` must not exceed `maximumAmount` (they may be equal). */
function checkSpendLimits(price: Record<string, unknown>, ctx: IssueSink): void {
  const min = decimalOrUndefined(price.minimumAmount);
  const max = decimalOrUndefined(price.maximumAmount);
  if (min && max && min.greaterThan(max)) {
    report(
      ctx,
      'minimum_above_maximum',
      `minimumAmount ${min.toFixed()} must not be greater than maximumAmount ${max.toFixed()}`,
      ['minimumAmount'],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Models

/** `{ type: 'unit', amount }`: quantity × amount. */
export const unitPriceSchema = z
  .strictObject({ type: z.literal('unit'), amount: nonNegativeDecimalInput, ...spendLimitsShape })
  .check(always(checkSpendLimits));

/** `{ type: 'package', amount, quantityPerPackage }`: ceil(quantity / quantityPerPackage) × amount. */
export const packagePriceSchema = z
  .strictObject({
    type: z.literal('package'),
    amount: nonNegativeDecimalInput,
    quantityPerPackage: positiveDecimalInput,
    ...spendLimitsShape,
  })
  .check(always(checkSpendLimits));

/** One tier: covers (previous `upTo`, `upTo`]; the last tier has no `upTo`. Missing amounts are 0. */
export const tierSchema = z.strictObject({
  upTo: nonNegativeDecimalInput.optional(),
  unitAmount: nonNegativeDecimalInput.optional(),
  flatAmount: nonNegativeDecimalInput.optional(),
});

/** Exactly one open-ended tier, last; bounded tiers strictly increasing. */
function checkTiers(price: Record<string, unknown>, ctx: IssueSink): void {
  const tiers = price.tiers;
  if (!Array.isArray(tiers)) return;
  if (tiers.length === 0) {
    report(ctx, 'empty_tiers', 'at least one tier is required, the last one without upTo', ['tiers']);
    return;
  }
  const open = tiers.flatMap((tier: unknown, i) => (isRecord(tier) && tier.upTo === undefined ? [i] : []));
  if (open.length === 0) {
    report(ctx, 'no_open_tier', 'the last tier must be open-ended (no upTo)', ['tiers']);
  } else if (open.length > 1) {
    for (const i of open.slice(0, -1)) {
      report(ctx, 'multiple_open_tiers', 'only one tier may be open-ended (no upTo), the last one', ['tiers', i, 'upTo']);
    }
  } else if (open[0] !== tiers.length - 1) {
    report(ctx, 'open_tier_not_last', 'only the last tier may be open-ended (no upTo)', ['tiers', open[0] ?? 0, 'upTo']);
  }
  checkTierOrder(tiers, ctx);
}

/** Each bounded `upTo` must be greater than the previous bounded one. */
function checkTierOrder(tiers: readonly unknown[], ctx: IssueSink): void {
  let previous: ReturnType<typeof decimalOrUndefined>;
  tiers.forEach((tier, i) => {
    if (!isRecord(tier)) return;
    const upTo = decimalOrUndefined(tier.upTo);
    if (upTo === undefined) return;
    if (previous !== undefined && upTo.equals(previous)) {
      report(ctx, 'duplicate_up_to', `upTo ${upTo.toFixed()} is the same as the previous tier's`, ['tiers', i, 'upTo']);
    } else if (previous !== undefined && upTo.lessThan(previous)) {
      report(
        ctx,
        'tiers_unsorted',
        `tiers must be sorted by upTo: ${upTo.toFixed()} comes after ${previous.toFixed()}`,
        ['tiers', i, 'upTo'],
      );
    }
    if (previous === undefined || upTo.greaterThan(previous)) previous = upTo;
  });
}

/** `{ type: 'tiered', mode: 'graduated' | 'volume', tiers }`. */
export const tieredPriceSchema = z
  .strictObject({
    type: z.literal('tiered'),
    mode: z.enum(['graduated', 'volume']),
    tiers: z.array(tierSchema).readonly(),
    ...spendLimitsShape,
  })
  .check(always(checkTiers), always(checkSpendLimits));

/** `{ type: 'dynamic', multiplier? }`: the quantity is an amount of money, billed × multiplier (default 1). */
export const dynamicPriceSchema = z
  .strictObject({ type: z.literal('dynamic'), multiplier: nonNegativeDecimalInput.optional(), ...spendLimitsShape })
  .check(always(checkSpendLimits));

/** One matrix entry: the unit amount for one combination of dimension values. */
export const matrixEntrySchema = z.strictObject({
  match: z.record(z.string(), z.string()),
  amount: nonNegativeDecimalInput,
});

/** Dimensions non-empty and unique; every entry names exactly the dimensions, once per combination. */
function checkMatrix(price: Record<string, unknown>, ctx: IssueSink): void {
  const dimensions = price.dimensions;
  if (!Array.isArray(dimensions)) return;
  if (dimensions.length === 0) report(ctx, 'empty_dimensions', 'at least one dimension is required', ['dimensions']);
  const seenDimensions = new Set<unknown>();
  dimensions.forEach((d: unknown, i) => {
    if (seenDimensions.has(d)) report(ctx, 'duplicate_dimension', `dimension ${JSON.stringify(d)} is listed twice`, ['dimensions', i]);
    seenDimensions.add(d);
  });
  const entries = price.entries;
  if (!Array.isArray(entries)) return;
  if (entries.length === 0) report(ctx, 'empty_entries', 'at least one entry is required', ['entries']);
  const names = dimensions.filter((d): d is string => typeof d === 'string');
  const seenMatches = new Map<string, number>();
  entries.forEach((entry: unknown, i) => {
    if (!isRecord(entry) || !isRecord(entry.match)) return;
    if (checkMatchKeys(entry.match, names, ['entries', i, 'match'], ctx)) {
      const combination = combinationOf(entry.match, names);
      const first = seenMatches.get(combination);
      if (first !== undefined) {
        report(ctx, 'duplicate_match', `the same combination as entries[${first}]`, ['entries', i, 'match']);
      } else {
        seenMatches.set(combination, i);
      }
    }
  });
}

/** Reports missing and unknown dimension keys in `match`; true when its keys are exactly `dimensions`. */
function checkMatchKeys(match: Record<string, unknown>, dimensions: readonly string[], path: PropertyKey[], ctx: IssueSink): boolean {
  let exact = true;
  for (const d of dimensions) {
    if (!Object.hasOwn(match, d)) {
      report(ctx, 'missing_dimension', `a value for dimension ${JSON.stringify(d)} is required`, path);
      exact = false;
    }
  }
  for (const key of Object.keys(match)) {
    if (!dimensions.includes(key)) {
      report(ctx, 'unknown_dimension', `${JSON.stringify(key)} is not one of the dimensions ${JSON.stringify(dimensions)}`, [...path, key]);
      exact = false;
    }
  }
  return exact;
}

/**
 * The values of `match` in the order of `dimensions`, as one string: two entries name the same
 * combination when these are equal. (A form check on the input; how usage finds its entry is the
 * pricing core's `matrixKey`.)
 */
function combinationOf(match: Record<string, unknown>, dimensions: readonly string[]): string {
  return JSON.stringify(dimensions.map((d) => match[d] ?? null));
}

/**
 * `{ type: 'matrix', dimensions, entries }` (as Orb's matrix price): the unit amount is chosen by the
 * values of the usage's dimensions; each entry's `match` names every dimension exactly once.
 */
export const matrixPriceSchema = z
  .strictObject({
    type: z.literal('matrix'),
    dimensions: z.array(z.string().min(1, 'Must not be empty')).readonly(),
    entries: z.array(matrixEntrySchema).readonly(),
    ...spendLimitsShape,
  })
  .check(always(checkMatrix), always(checkSpendLimits));

/** `{ type: 'flat', amount, paymentTerm? }`: a fixed amount per period, in advance by default. */
export const flatPriceSchema = z.strictObject({
  type: z.literal('flat'),
  amount: nonNegativeDecimalInput,
  paymentTerm: z.enum(['in_advance', 'in_arrears']).optional(),
});

/** A usage price: unit, package, tiered, dynamic or matrix, with optional spend limits. */
export const usagePriceSchema = z.discriminatedUnion('type', [
  unitPriceSchema,
  packagePriceSchema,
  tieredPriceSchema,
  dynamicPriceSchema,
  matrixPriceSchema,
]);

/** Any price `priceUsage` accepts: a usage price or a flat price. */
export const priceSchema = z.discriminatedUnion('type', [
  unitPriceSchema,
  packagePriceSchema,
  tieredPriceSchema,
  dynamicPriceSchema,
  matrixPriceSchema,
  flatPriceSchema,
]);

// The price types are owned by the pricing core (with their docs); each schema is written against
// its type, and these fail to compile when the two differ.
type _PriceSchemasMatchCore = [
  Assert<Exact<z.input<typeof decimalInput>, NumericInput>>,
  Assert<Exact<z.input<typeof tierSchema>, Tier>>,
  Assert<Exact<z.input<typeof unitPriceSchema>, UnitPrice>>,
  Assert<Exact<z.input<typeof packagePriceSchema>, PackagePrice>>,
  Assert<Exact<z.input<typeof tieredPriceSchema>, TieredPrice>>,
  Assert<Exact<z.input<typeof dynamicPriceSchema>, DynamicPrice>>,
  Assert<Exact<z.input<typeof matrixEntrySchema>, MatrixEntry>>,
  Assert<Exact<z.input<typeof matrixPriceSchema>, MatrixPrice>>,
  Assert<Exact<z.input<typeof usagePriceSchema>, UsagePrice>>,
  Assert<Exact<z.input<typeof flatPriceSchema>, FlatPrice>>,
  Assert<Exact<z.input<typeof priceSchema>, Price>>,
];

// ---------------------------------------------------------------------------------------------
// priceUsage options

/** The usage of one combination of dimension values of a matrix price. */
export const matrixUsageItemSchema = z.strictObject({
  /** The value of every dimension of the price, e.g. `{ region: 'eu', model: 'large' }`. */
  dimensions: z.record(z.string(), z.string()),
  quantity: nonNegativeDecimalInput,
  /** This combination's usage already billed earlier in the period (progressive billing). */
  preLinePeriodQuantity: nonNegativeDecimalInput.optional(),
});

/** The quantities of a part of a period, as `priceUsage` and each `simulateInvoice` line take them. */
export const usageQuantitiesShape = {
  /** The usage of this part; default 0. Not for a matrix price (use `matrixUsage`). */
  quantity: nonNegativeDecimalInput.optional(),
  /** Usage already billed earlier in the same period (progressive billing); default 0. */
  preLinePeriodQuantity: nonNegativeDecimalInput.optional(),
  /** A matrix price's usage: one item per combination of dimension values. */
  matrixUsage: z.array(matrixUsageItemSchema).readonly().optional(),
  /**
   * Whether this part starts the period and pays the first tier's flat amount; default: when
   * `preLinePeriodQuantity` is absent or 0. Pass `false` for a later part after parts without usage.
   */
  periodStart: z.boolean().optional(),
  /** Whether this part ends the period, so the minimum spend is settled; default true. */
  periodEnd: z.boolean().optional(),
};

/** The options every calculation takes: the rounding mode and the known currencies. */
export const calculationOptionsShape = {
  /** `'half_up'` (half away from zero, the default) or `'half_even'`. */
  rounding: z.enum(['half_up', 'half_even']).optional(),
  /** The currencies known, custom ones included; default ISO 4217 only. */
  currencies: z
    .custom<CurrencyRegistry>((v) => v instanceof CurrencyRegistry, { message: 'Must be a CurrencyRegistry' })
    .optional(),
};

/** The options of `priceUsage`. */
export const priceUsageOptionsSchema = z.strictObject({
  ...usageQuantitiesShape,
  currency: currencyCodeSchema,
  /** Free units, consumed by the pre-line quantity first. */
  usageDiscount: nonNegativeDecimalInput.optional(),
  ...calculationOptionsShape,
});

type _UsageSchemasMatchCore = [
  Assert<Exact<z.input<typeof matrixUsageItemSchema>, MatrixUsageItem>>,
  Assert<Exact<z.input<ReturnType<typeof z.strictObject<typeof usageQuantitiesShape>>>, UsageQuantities>>,
  Assert<Exact<z.input<typeof priceUsageOptionsSchema>, PriceUsageOptions>>,
];

// ---------------------------------------------------------------------------------------------
// Issues
