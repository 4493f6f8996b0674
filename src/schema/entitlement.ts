import type { EventInput } from '../core/metering';
import { z } from 'zod';
import { instantSchema, intervalSchema, limitSchema, metadataSchema } from './common';
import { refSchema } from './customer';
import { WINDOW_SIZES } from './meter';

import { nonNegativeDecimalInput } from './price';

/** A grant priority: an integer from 1 (burnt first) to 255. */
export const prioritySchema = z.number().int('Must be an integer').min(1, 'Must be from 1 to 255').max(255, 'Must be from 1 to 255');

/** A notification threshold of a metered entitlement. */
export const thresholdSchema = z.strictObject({
  /** `usage_percentage` (usage ≥ value % of the grants), `usage` (usage ≥ value) or `balance` (balance ≤ value). */
  type: z.enum(['usage_percentage', 'usage', 'balance']),
  value: nonNegativeDecimalInput,
});

const activeShape = {
  /** The entitlement gives access from this instant (default: always). */
  activeFrom: instantSchema.optional(),
  /** ... until this instant (exclusive; default: never ends). */
  activeTo: instantSchema.optional(),
  metadata: metadataSchema.optional(),
};

/** The body of a metered entitlement. */
const meteredShape = {
  type: z.literal('metered'),
  /** The usage-period grid: `interval` (ISO-8601, e.g. `P1M`) from `anchor` (default: creation time). */
  usagePeriod: z.strictObject({ interval: intervalSchema, anchor: instantSchema.optional() }),
  /** A soft limit always gives access; usage beyond the grants is overage. */
  isSoftLimit: z.boolean().optional(),
  /** A grant of `amount` restored at every usage-period start. */
  issueAfterReset: z.strictObject({ amount: nonNegativeDecimalInput, priority: prioritySchema.optional() }).optional(),
  /** Burn the old period's overage from the new balances at each reset instead of forgiving it. */
  preserveOverageAtReset: z.boolean().optional(),
  /** Usage before this instant does not count (default: the start of the current usage period). */
  measureUsageFrom: instantSchema.optional(),
  /** Notifications fired once per usage period when reached. */
  thresholds: z.array(thresholdSchema).max(100).optional(),
  ...activeShape,
};

const booleanShape = { type: z.literal('boolean'), ...activeShape };
const staticShape = { type: z.literal('static'), config: z.record(z.string(), z.json()), ...activeShape };

const activeRange = (e: { activeFrom?: Date | undefined; activeTo?: Date | undefined }): boolean =>
  e.activeFrom === undefined || e.activeTo === undefined || e.activeFrom.getTime() < e.activeTo.getTime();
const activeRangeIssue = { message: 'Must be after activeFrom', path: ['activeTo'] };

/** The body of an entitlement (what `override` takes): metered, boolean or static. */
export const entitlementBodySchema = z
  .discriminatedUnion('type', [z.strictObject(meteredShape), z.strictObject(booleanShape), z.strictObject(staticShape)])
  .refine(activeRange, activeRangeIssue);

/** Input of `tg.entitlements.create`. */
export const entitlementCreateSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ customer: refSchema, feature: refSchema, ...meteredShape }),
    z.strictObject({ customer: refSchema, feature: refSchema, ...booleanShape }),
    z.strictObject({ customer: refSchema, feature: refSchema, ...staticShape }),
  ])
  .refine(activeRange, activeRangeIssue);

/** Options of `tg.entitlements.check`. */
export const entitlementCheckSchema = z.strictObject({
  /** The instant to check at (default: now). */
  at: instantSchema.optional(),
  /** The amount about to be used: access needs balance ≥ quantity. */
  quantity: nonNegativeDecimalInput.optional(),
});

/**
 * Options of `tg.entitlements.consume`: the usage event to record when access is granted (validated
 * as `events.ingest` validates it, field by field, under `event.`) and the check instant.
 */
export const entitlementConsumeSchema = z.strictObject({
  /** The usage event; its `time` defaults to now. */
  event: z.custom<EventInput>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'Expected the usage event object' }),
  /** The instant to check at (default: the later of now and the event's time). */
  at: instantSchema.optional(),
});

/** Options of `tg.entitlements.access`. */
export const entitlementAccessSchema = z.strictObject({ at: instantSchema.optional() });

/** Input of `tg.entitlements.list`. */
export const entitlementListSchema = z.strictObject({
  customer: refSchema.optional(),
  feature: refSchema.optional(),
  includeDeleted: z.boolean().optional(),
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
});

/** Options of `tg.entitlements.reset`. */
export const entitlementResetSchema = z.strictObject({
  /** The reset instant (default: now); not in the future, not before the current period start. */
  at: instantSchema.optional(),
  /** Keep the old period grid (default false: the grid is re-anchored at the reset). */
  retainAnchor: z.boolean().optional(),
  /** Default: the entitlement's `preserveOverageAtReset`. */
  preserveOverage: z.boolean().optional(),
});

/** Options of `tg.entitlements.history`. */
export const entitlementHistorySchema = z
  .strictObject({ from: instantSchema, to: instantSchema, windowSize: z.enum(WINDOW_SIZES) })
  .refine((h) => h.from.getTime() <= h.to.getTime(), { message: 'Must not be before from', path: ['to'] });

export type EntitlementCreateInput = z.input<typeof entitlementCreateSchema>;
export type EntitlementBodyInput = z.input<typeof entitlementBodySchema>;
export type EntitlementCheckInput = z.input<typeof entitlementCheckSchema>;
export type EntitlementAccessInput = z.input<typeof entitlementAccessSchema>;
export type EntitlementConsumeInput = z.input<typeof entitlementConsumeSchema>;
export type EntitlementListInput = z.input<typeof entitlementListSchema>;
export type EntitlementResetInput = z.input<typeof entitlementResetSchema>;
export type EntitlementHistoryInput = z.input<typeof entitlementHistorySchema>;
export type ThresholdInput = z.input<typeof thresholdSchema>;
