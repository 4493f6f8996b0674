import { z } from 'zod';
import { instantSchema, intervalSchema, limitSchema, metadataSchema } from './common';
import { refSchema } from './customer';
import { prioritySchema } from './entitlement';

import { nonNegativeDecimalInput } from './price';

/** Which entitlement a grant is for: its id, or the customer's current entitlement to a feature. */
export const grantTargetSchema = z.union([
  z.strictObject({ entitlement: z.string().min(1, 'Must not be empty') }),
  z.strictObject({ customer: refSchema, feature: refSchema }),
]);

/** Input of `tg.grants.create` (the grant itself). */
export const grantCreateSchema = z
  .strictObject({
    /** The allowance, a decimal ≥ 0. */
    amount: nonNegativeDecimalInput,
    /** 1 (burnt first) to 255. Default 1. */
    priority: prioritySchema.optional(),
    /** From when it counts (default: now). */
    effectiveAt: instantSchema.optional(),
    /** When it stops counting (exclusive). */
    expiresAt: instantSchema.optional(),
    /** Or: a lifetime relative to `effectiveAt`. */
    expiration: z.strictObject({ duration: z.enum(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']), count: z.number().int().min(1) }).optional(),
    /** At each reset the grant keeps at least this much (capped by the maximum). Default 0. */
    minRolloverAmount: nonNegativeDecimalInput.optional(),
    /** At each reset the grant keeps at most this much. Default: the amount. */
    maxRolloverAmount: nonNegativeDecimalInput.optional(),
    /** Refills the grant to its amount every `interval` from `anchor` (default: effectiveAt). */
    recurrence: z.strictObject({ interval: intervalSchema, anchor: instantSchema.optional() }).optional(),
    metadata: metadataSchema.optional(),
  })
  .refine((g) => g.expiresAt === undefined || g.expiration === undefined, { message: 'Give expiresAt or expiration, not both', path: ['expiration'] });

/** Input of `tg.grants.list`. */
export const grantListSchema = z.strictObject({
  customer: refSchema.optional(),
  feature: refSchema.optional(),
  entitlement: z.string().min(1).optional(),
  includeVoided: z.boolean().optional(),
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
});

/** Options of `tg.grants.void`. */
export const grantVoidSchema = z.strictObject({
  /** From when the grant no longer counts (default: now); may be backdated inside the current usage period. */
  at: instantSchema.optional(),
});

export type GrantTargetInput = z.input<typeof grantTargetSchema>;
export type GrantCreateInput = z.input<typeof grantCreateSchema>;
export type GrantListInput = z.input<typeof grantListSchema>;
export type GrantVoidInput = z.input<typeof grantVoidSchema>;
