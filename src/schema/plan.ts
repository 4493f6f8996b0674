import { z } from 'zod';
import { currencyCodeSchema, instantSchema, intervalSchema, limitSchema, metadataSchema, resourceKeySchema } from './common';

/**
 * A phase as saved in a draft. Rate cards are only required to be objects here: their content is
 * checked by plan validation, so a draft with problems can be saved (and not published).
 */
const phaseSchema = z.strictObject({
  key: resourceKeySchema,
  name: z.string().max(1000).optional(),
  /** How long the phase lasts (ISO-8601); only the last phase is open-ended (`null`). */
  duration: z.string().nullish(),
  rateCards: z.array(z.record(z.string(), z.unknown())),
});

const planBodyShape = {
  name: z.string().min(1, 'Must not be empty').max(1000),
  description: z.string().max(10_000).nullish(),
  currency: currencyCodeSchema,
  /** How often the plan bills (ISO-8601, e.g. `P1M`). */
  billingCadence: intervalSchema,
  proRating: z.strictObject({ enabled: z.boolean(), mode: z.enum(['exact', 'day']).optional() }).optional(),
  phases: z.array(phaseSchema).min(1, 'A plan needs at least one phase'),
  metadata: metadataSchema.optional(),
};

/** Input of `tg.plans.create`. */
export const planCreateSchema = z.strictObject({ key: resourceKeySchema, ...planBodyShape });

/** Input of `tg.plans.update` (drafts only): the fields to replace. */
export const planUpdateSchema = z.strictObject({
  name: planBodyShape.name.optional(),
  description: planBodyShape.description,
  currency: currencyCodeSchema.optional(),
  billingCadence: intervalSchema.optional(),
  proRating: planBodyShape.proRating,
  phases: planBodyShape.phases.optional(),
  metadata: metadataSchema.optional(),
});

/** Input of `tg.plans.publish`. */
export const planPublishSchema = z.strictObject({
  effectiveFrom: instantSchema.optional(),
  effectiveTo: instantSchema.optional(),
});

/** Input of `tg.plans.archive`. */
export const planArchiveSchema = z.strictObject({ at: instantSchema.optional() });

/** Input of `tg.plans.get`. */
export const planGetSchema = z.strictObject({ version: z.number().int().min(1).optional() });

/** Input of `tg.plans.list`. */
export const planListSchema = z.strictObject({
  status: z.enum(['draft', 'scheduled', 'active', 'archived']).optional(),
  key: z.string().optional(),
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
});

export type PlanCreateInput = z.input<typeof planCreateSchema>;
export type PlanUpdateInput = z.input<typeof planUpdateSchema>;
export type PlanPublishInput = z.input<typeof planPublishSchema>;
export type PlanArchiveInput = z.input<typeof planArchiveSchema>;
export type PlanGetInput = z.input<typeof planGetSchema>;
export type PlanListInput = z.input<typeof planListSchema>;
