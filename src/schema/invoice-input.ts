import { z } from 'zod';
import { tryParseDecimal } from '../core/money';
import { currencyCodeSchema, timeZoneSchema } from './common';
import { calculationOptionsShape, nonNegativeDecimalInput, report, usageQuantitiesShape } from './price';
import type { CompiledRateCard } from '../core/invoice/compiled-rate-card';
import { instantSchema } from './common';
import { rateCardSchema, taxConfigSchema, type RateCard } from './rate-card';
import { isRecord } from '../core/is-record';

/**
 * The input of the pure invoice calculator `simulateInvoice` (docs/pricing.md).
 */


/** The epoch milliseconds of a parsed instant, or `undefined` when it did not parse. */
function epochMs(value: unknown): number | undefined {
  return value instanceof Date ? value.getTime() : undefined;
}

/** A half-open period `[from, to)`; `from` must not be after `to` (code `invalid_period`). */
export const periodInputSchema = z.strictObject({ from: instantSchema, to: instantSchema }).check(
  z.superRefine((period: unknown, ctx) => {
    if (!isRecord(period)) return;
    const from = epochMs(period.from);
    const to = epochMs(period.to);
    if (from !== undefined && to !== undefined && from > to) {
      report(ctx, 'invalid_period', 'from must not be after to', ['from']);
    }
  }),
);

/** `{ enabled, mode? }`: whether flat fees (and minimum spends) of partial periods are prorated. */
export const proRatingSchema = z.strictObject({
  enabled: z.boolean(),
  /** `'exact'` (milliseconds, the default) or `'day'` (whole calendar days, a started day counting whole). */
  mode: z.enum(['exact', 'day']).optional(),
  /** The IANA zone whose calendar days `day` mode counts (a subscription's zone, BILLING.md §5.1); default UTC. */
  timeZone: timeZoneSchema.optional(),
});

/** `{ key, percentage | amount, duration? }`: a coupon applied to the whole invoice. */
export const couponInputSchema = z
  .strictObject({
    key: z.string().min(1, 'Must not be empty'),
    /** Percent off every line (`10` = 10 %), 0 to 100. */
    percentage: nonNegativeDecimalInput.optional(),
    /** An amount off the invoice, spread over the lines in proportion to their amounts. */
    amount: nonNegativeDecimalInput.optional(),
    /** How many invoices the coupon applies to; a simulation is one invoice, so it is not used. */
    duration: z.union([z.enum(['once', 'forever']), z.strictObject({ periods: z.number().int().min(1) })]).optional(),
  })
  .check(
    z.superRefine((coupon: unknown, ctx) => {
      if (!isRecord(coupon)) return;
      const hasPercentage = coupon.percentage !== undefined;
      const hasAmount = coupon.amount !== undefined;
      if (hasPercentage === hasAmount) {
        report(ctx, 'coupon_value', 'a coupon has either a percentage or an amount, not both or neither');
      }
      const p = coupon.percentage;
      if (tryParseDecimal(p)?.greaterThan(100) === true) {
        report(ctx, 'too_big', `percentage must be at most 100, got ${String(p)}`, ['percentage']);
      }
    }, { when: () => true }),
  );

/** `{ amount }`: prepaid monetary credit, applied to the taxed total, in order. */
export const creditInputSchema = z.strictObject({ amount: nonNegativeDecimalInput });

/**
 * A line's rate card: a rate card input, validated here, or a compiled rate card (from
 * `compileRateCard`), already valid and not validated again.
 */
export const rateCardInput = z.custom<RateCard | CompiledRateCard>().transform((value: unknown, ctx) => {
  if (isRecord(value) && value.kind === 'tollgate.compiled_rate_card') return value as unknown as CompiledRateCard;
  const result = rateCardSchema.safeParse(value);
  if (result.success) return result.data;
  // The rate card's own issues, with their paths relative to it (zod prefixes the line's path).
  for (const issue of result.error.issues) ctx.issues.push(issue as unknown as (typeof ctx.issues)[number]);
  return z.NEVER;
});

/** One invoice line to simulate: a rate card with its usage for a period. */
export const invoiceLineInputSchema = z
  .strictObject({
    rateCard: rateCardInput,
    ...usageQuantitiesShape,
    /** The service period this line bills, `[from, to)`. */
    period: periodInputSchema,
    /** The whole billing period, when `period` is only part of it: flat fees are prorated. */
    fullPeriod: periodInputSchema.optional(),
  })
  .check(
    z.superRefine((line: unknown, ctx) => {
      if (!isRecord(line) || !isRecord(line.period) || !isRecord(line.fullPeriod)) return;
      const [from, to] = [epochMs(line.period.from), epochMs(line.period.to)];
      const [fullFrom, fullTo] = [epochMs(line.fullPeriod.from), epochMs(line.fullPeriod.to)];
      if (from === undefined || to === undefined || fullFrom === undefined || fullTo === undefined) return;
      if (fullFrom > fullTo) return;
      if (from < fullFrom || to > fullTo) {
        report(ctx, 'period_outside_full_period', 'period must lie within fullPeriod', ['period']);
      }
    }),
  );

/** The input of `simulateInvoice`. */
export const simulateInvoiceInputSchema = z.strictObject({
  currency: currencyCodeSchema,
  /** Reported on the invoice; default `''`. */
  customerId: z.string().optional(),
  lines: z.array(invoiceLineInputSchema).min(1, 'At least one line is required').readonly(),
  /** Applied in order, after each line's own percentage discount. */
  coupons: z.array(couponInputSchema).readonly().optional(),
  /** Monetary credits, applied in order to the taxed total. */
  credits: z.array(creditInputSchema).readonly().optional(),
  /** The default tax; a rate card's own `taxConfig` overrides it. */
  taxConfig: taxConfigSchema.optional(),
  /** Proration of flat fees for partial periods; default `{ enabled: true, mode: 'exact' }`. */
  proRating: proRatingSchema.optional(),
  ...calculationOptionsShape,
});

/** A period input `{ from, to }`. */
export type PeriodInput = z.input<typeof periodInputSchema>;
/** `{ enabled, mode? }`. */
export type ProRating = z.input<typeof proRatingSchema>;
/** A coupon applied by the calculator. */
export type CouponInput = z.input<typeof couponInputSchema>;
/** A monetary credit applied by the calculator. */
export type CreditInput = z.input<typeof creditInputSchema>;
/** One line of `simulateInvoice`'s input. */
export type InvoiceLineInput = z.input<typeof invoiceLineInputSchema>;
/** The input of `simulateInvoice`. */
export type SimulateInvoiceInput = z.input<typeof simulateInvoiceInputSchema>;
