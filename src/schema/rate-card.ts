import { z } from 'zod';
import { tryParseDecimal } from '../core/money';
import { externalKeySchema, instantSchema, intervalSchema } from './common';
import { flatPriceSchema, nonNegativeDecimalInput, report, usagePriceSchema } from './price';
import { isRecord } from '../core/is-record';
import type {
  Discounts,
  EntitlementTemplate,
  FlatFeeRateCard,
  RateCard,
  TaxConfig,
  UsageBasedRateCard,
} from '../core/catalog/rate-card';
import type { Assert, Exact } from './type-check';

export type {
  Discounts,
  EntitlementTemplate,
  FlatFeeRateCard,
  RateCard,
  TaxConfig,
  UsageBasedRateCard,
} from '../core/catalog/rate-card';

/**
 * Rate cards (docs/pricing.md): what a plan phase sells, with its price, discounts and tax.
 */


/** A catalog key (rate cards, features): 1–256 characters, no whitespace or control characters. */
export const catalogKeySchema = externalKeySchema;

/** `{ percentage?, usage? }`: a percentage off the line (10 = 10 %), and free units. */
export const discountsSchema = z.strictObject({
  /** Percent off the line after commitments, 0 to 100 (`10` = 10 %). */
  percentage: nonNegativeDecimalInput
    .check(
      z.superRefine((value: unknown, ctx) => {
        if (typeof value !== 'bigint' && tryParseDecimal(value)?.greaterThan(100) === true) {
          report(ctx, 'too_big', `percentage must be at most 100, got ${String(value)}`);
        }
      }),
    )
    .optional(),
  /** Free units, consumed before pricing (and across the split parts of a period). */
  usage: nonNegativeDecimalInput.optional(),
});

/** `{ rate, behavior }`: `rate` 0.2 = 20 %; exclusive tax is added, inclusive tax is extracted. */
export const taxConfigSchema = z.strictObject({
  rate: nonNegativeDecimalInput,
  behavior: z.enum(['exclusive', 'inclusive']),
});

const usagePeriodSchema = z.strictObject({ interval: intervalSchema, anchor: instantSchema.optional() });

/** The entitlement a subscription to the rate card creates. */
export const entitlementTemplateSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('metered'),
    usagePeriod: usagePeriodSchema.optional(),
    isSoftLimit: z.boolean().optional(),
    issueAfterReset: z
      .strictObject({ amount: nonNegativeDecimalInput, priority: z.number().int().min(1).max(255).optional() })
      .optional(),
    preserveOverageAtReset: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('boolean') }),
  z.strictObject({ type: z.literal('static'), config: z.record(z.string(), z.json()) }),
]);

const commonRateCardShape = {
  key: catalogKeySchema,
  name: z.string().max(1000).optional(),
  entitlementTemplate: entitlementTemplateSchema.optional(),
  discounts: discountsSchema.optional(),
  taxConfig: taxConfigSchema.optional(),
};

/** A flat fee: a `flat` price (or none), billed every `billingCadence` (or once when it is null). */
export const flatFeeRateCardSchema = z
  .strictObject({
    ...commonRateCardShape,
    type: z.literal('flat_fee'),
    price: flatPriceSchema.nullable(),
    billingCadence: intervalSchema.nullable(),
    feature: catalogKeySchema.optional(),
  })
  .check(
    z.superRefine((card: unknown, ctx) => {
      const discounts = isRecord(card) ? card.discounts : undefined;
      if (isRecord(discounts) && discounts.usage !== undefined) {
        report(ctx, 'usage_discount_on_flat_fee', 'a flat fee has no usage: free units apply to usage-based rate cards only', [
          'discounts',
          'usage',
        ]);
      }
    }, { when: () => true }),
  );

/** A usage-based rate card: a usage price on a metered feature, billed in arrears every `billingCadence`. */
export const usageBasedRateCardSchema = z.strictObject({
  ...commonRateCardShape,
  type: z.literal('usage_based'),
  price: usagePriceSchema,
  billingCadence: intervalSchema,
  feature: catalogKeySchema,
});

/** A rate card: a flat fee or a usage-based price. */
export const rateCardSchema = z.discriminatedUnion('type', [flatFeeRateCardSchema, usageBasedRateCardSchema]);

// The rate card types are owned by the catalog core (with their docs); each schema is written
// against its type, and these fail to compile when the two differ.
type _RateCardSchemasMatchCore = [
  Assert<Exact<z.input<typeof discountsSchema>, Discounts>>,
  Assert<Exact<z.input<typeof taxConfigSchema>, TaxConfig>>,
  Assert<Exact<z.input<typeof entitlementTemplateSchema>, EntitlementTemplate>>,
  Assert<Exact<z.input<typeof flatFeeRateCardSchema>, FlatFeeRateCard>>,
  Assert<Exact<z.input<typeof usageBasedRateCardSchema>, UsageBasedRateCard>>,
  Assert<Exact<z.input<typeof rateCardSchema>, RateCard>>,
];
