import { z } from 'zod';
import { instantSchema, limitSchema, resourceKeySchema } from './common';
import { refSchema } from './customer';
import { planCreateSchema } from './plan';
import { flatPriceSchema, usagePriceSchema } from './price';
import { discountsSchema, rateCardSchema } from './rate-card';

/** A subscription's metadata: string values only (BILLING.md §1 `Subscription.metadata`). */
const subscriptionMetadataSchema = z.record(z.string(), z.string().max(10_000));

/** `'immediate'` or an instant, for the start of a subscription (SB2). */
const startTimingSchema = z.union([z.literal('immediate'), instantSchema]);

/** When a change, migrate or cancel takes effect (SB8). */
export const timingSchema = z.union([z.literal('immediate'), z.literal('next_billing_cycle'), instantSchema]);

/** The plan a subscription is on: a plan key or version id, `{ key, version? }`, or a custom plan body (SB1). */
export const planChoiceSchema = z.union([
  refSchema,
  z.strictObject({ key: resourceKeySchema, version: z.number().int().min(1).optional() }),
  z.strictObject({ custom: planCreateSchema.omit({ key: true }) }),
]);

/** The billing anchor: an instant, or the start of a phase (SB3). */
export const billingAnchorSchema = z.union([instantSchema, z.strictObject({ phaseStart: resourceKeySchema })]);

/** One customization of an edit (BILLING.md §1 `Customization`, SB13). */
export const customizationSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add_item'), phase: resourceKeySchema, rateCard: rateCardSchema }),
  z.strictObject({ op: z.literal('remove_item'), phase: resourceKeySchema, item: z.string().min(1) }),
  z.strictObject({
    op: z.literal('override_price'),
    phase: resourceKeySchema,
    item: z.string().min(1),
    price: z.union([flatPriceSchema, usagePriceSchema, z.null()]),
    discounts: discountsSchema.optional(),
  }),
]);

/** Input of `tg.subscriptions.create`. */
export const subscriptionCreateSchema = z.strictObject({
  customer: refSchema,
  plan: planChoiceSchema,
  timing: startTimingSchema.optional(),
  billingAnchor: billingAnchorSchema.optional(),
  startingPhase: resourceKeySchema.optional(),
  name: z.string().min(1).max(1000).optional(),
  metadata: subscriptionMetadataSchema.optional(),
});

/** Input of `tg.subscriptions.edit` (the customization count is checked by the rule, SB13). */
export const subscriptionEditSchema = z.strictObject({
  customizations: z.array(customizationSchema).min(1, 'An edit needs at least one customization'),
  timing: z.enum(['immediate', 'next_billing_cycle']).optional(),
});

const successorShape = {
  billingAnchor: billingAnchorSchema.optional(),
  startingPhase: resourceKeySchema.optional(),
  proration: z.enum(['prorate', 'full_period']).optional(),
  carryOverGrants: z.boolean().optional(),
};

/** Input of `tg.subscriptions.change`. */
export const subscriptionChangeSchema = z.strictObject({ plan: planChoiceSchema, timing: timingSchema, ...successorShape });

/** Input of `tg.subscriptions.migrate`. */
export const subscriptionMigrateSchema = z.strictObject({
  version: z.number().int().min(1).optional(),
  timing: timingSchema.optional(),
  ...successorShape,
});

/** Input of `tg.subscriptions.cancel`. */
export const subscriptionCancelSchema = z.strictObject({ timing: timingSchema, proration: z.enum(['prorate', 'full_period']).optional() });

/** Input of `tg.subscriptions.list`. */
export const subscriptionListSchema = z.strictObject({
  customer: refSchema.optional(),
  status: z.enum(['scheduled', 'active', 'canceled', 'inactive']).optional(),
  at: instantSchema.optional(),
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
});

/** Input of `tg.subscriptions.timeline`. */
export const subscriptionTimelineSchema = z.strictObject({ from: instantSchema.optional(), to: instantSchema.optional() });

export type PlanChoiceInput = z.input<typeof planChoiceSchema>;
export type CustomizationInput = z.input<typeof customizationSchema>;
export type SubscriptionCreateInput = z.input<typeof subscriptionCreateSchema>;
export type SubscriptionEditInput = z.input<typeof subscriptionEditSchema>;
export type SubscriptionChangeInput = z.input<typeof subscriptionChangeSchema>;
export type SubscriptionMigrateInput = z.input<typeof subscriptionMigrateSchema>;
export type SubscriptionCancelInput = z.input<typeof subscriptionCancelSchema>;
export type SubscriptionListInput = z.input<typeof subscriptionListSchema>;
export type SubscriptionTimelineInput = z.input<typeof subscriptionTimelineSchema>;
