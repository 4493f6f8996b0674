import { z } from 'zod';
import type { Aggregation } from '../core/metering/aggregation';
import { instantSchema, limitSchema, resourceKeySchema, timeZoneSchema } from './common';
import { refSchema } from './customer';
import type { Assert, Exact } from './type-check';

/** Names a query can split by besides a meter's own dimensions. */
export const RESERVED_GROUP_BY = ['subject', 'customer'] as const;

/** Most group-by dimensions a meter may have. */
export const MAX_METER_DIMENSIONS = 20;

/** A meter dimension name: a letter or `_`, then letters, digits or `_`; 1–64 characters; not `subject` or `customer`. */
export const dimensionNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Must be a letter or "_" followed by letters, digits or "_" (at most 64 characters)')
  .refine((name) => !(RESERVED_GROUP_BY as readonly string[]).includes(name), { message: '"subject" and "customer" are reserved' });

/**
 * The aggregations a meter may use, as the metering core's `Aggregation` lists them (the
 * assertion below fails to compile when the two differ).
 */
const AGGREGATION_NAMES = ['SUM', 'COUNT', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'] as const;
type _AggregationNamesMatchCore = Assert<Exact<(typeof AGGREGATION_NAMES)[number], Aggregation>>;

/** A JSONPath string's form; whether it compiles is checked by the metering core (`meterDefinitionIssues`). */
const jsonPathSchema = z.string().min(1, 'Must not be empty').max(512, 'Must be at most 512 characters');

/** The window sizes of a meter query. */
export const WINDOW_SIZES = ['MINUTE', 'HOUR', 'DAY', 'MONTH'] as const;

/** Input of `tg.meters.create`. */
export const meterCreateSchema = z.strictObject({
  /** Unique forever: lowercase words joined by `_`, 1–64 characters. */
  key: resourceKeySchema,
  name: z.string().max(1000).nullish(),
  /** The event `type` this meter reads. */
  eventType: z
    .string()
    .min(1, 'Must not be empty')
    .max(256, 'Must be at most 256 characters')
    .refine((type) => !type.includes('\u0000'), { message: 'Must not contain NUL characters' }),
  aggregation: z.enum(AGGREGATION_NAMES),
  /** JSONPath of the value in the event's data, e.g. `$.tokens`. Required except for COUNT (where it is ignored). */
  valueProperty: jsonPathSchema.nullish(),
  /** Dimension name → JSONPath, e.g. `{ model: '$.model' }`. */
  groupBy: z
    .record(dimensionNameSchema, jsonPathSchema)
    .refine((g) => Object.keys(g).length <= MAX_METER_DIMENSIONS, { message: `At most ${MAX_METER_DIMENSIONS} dimensions` })
    .optional(),
});

/** Input of `tg.meters.list`. */
export const meterListSchema = z.strictObject({
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
  includeArchived: z.boolean().optional(),
});

/** Input of `tg.meters.query`. */
export const meterQuerySchema = z
  .strictObject({
    /** Start of the queried range (inclusive). Default: the hour of the meter's first event. */
    from: instantSchema.optional(),
    /** End of the queried range (exclusive). Default: now. */
    to: instantSchema.optional(),
    /** Split the range into calendar windows of this size (in `windowTimeZone`). */
    windowSize: z.enum(WINDOW_SIZES).optional(),
    /** IANA zone the windows align to. Default `UTC`. */
    windowTimeZone: timeZoneSchema.optional(),
    /** Only these subjects, one row each. */
    subject: z.array(z.string().min(1, 'Must not be empty')).max(10_000).optional(),
    /** Only these customers (ids or keys), one row each; a customer's subjects merge. */
    customer: z.array(refSchema).max(1_000).optional(),
    /** Split rows by these dimensions of the meter, or by `subject` / `customer`. */
    groupBy: z.array(z.string().min(1, 'Must not be empty')).max(32).optional(),
    /** Keep only events whose dimension equals the string or is in the list. */
    filterGroupBy: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1, 'Must list at least one value')])).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from.getTime() > q.to.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Must not be after to' });
    }
  });

/** A meter reference: its key (or its id). */
export const meterRefSchema = z.string().min(1, 'Must not be empty');

export type MeterCreateInput = z.input<typeof meterCreateSchema>;
export type MeterListInput = z.input<typeof meterListSchema>;
export type MeterQueryInput = z.input<typeof meterQuerySchema>;
