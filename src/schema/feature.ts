import { z } from 'zod';
import { limitSchema, metadataSchema, resourceKeySchema } from './common';

/** A group-by filter: one accepted value, or a non-empty list of them. */
const groupByFilterSchema = z.union([z.string(), z.array(z.string()).min(1, 'Must list at least one value')]);

/** Input of `tg.features.create`. */
export const featureCreateSchema = z
  .strictObject({
    /** Unique among features that are not archived. */
    key: resourceKeySchema,
    name: z.string().max(1000).nullish(),
    /** The meter whose usage this feature measures (for metered entitlements and usage prices). */
    meterKey: resourceKeySchema.optional(),
    /** Only usage whose group-by values match counts for this feature; keys are the meter's dimensions. */
    meterGroupByFilters: z.record(z.string(), groupByFilterSchema).optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((f) => f.meterGroupByFilters === undefined || f.meterKey !== undefined, {
    message: 'meterGroupByFilters needs a meterKey',
    path: ['meterGroupByFilters'],
  });

/** Input of `tg.features.list`. */
export const featureListSchema = z.strictObject({
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
  includeArchived: z.boolean().optional(),
  meterKey: z.string().optional(),
});

export type FeatureCreateInput = z.input<typeof featureCreateSchema>;
export type FeatureListInput = z.input<typeof featureListSchema>;
