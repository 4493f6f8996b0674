import { z } from 'zod';
import { AGGREGATIONS, compileJsonPath, requiresValueProperty, type Aggregation } from '../core/metering';
import { ValidationError, type ValidationIssue } from '../errors';
import { instantSchema, limitSchema, resourceKeySchema, timeZoneSchema } from './common';
import { refSchema } from './customer';

/** Names a query can split by besides a meter's own dimensions. */
export const RESERVED_GROUP_BY = ['subject', 'customer'] as const;

/** Most group-by dimensions a meter may have. */
export const MAX_METER_DIMENSIONS = 20;

/** A meter dimension name: a letter or `_`, then letters, digits or `_`; 1–64 characters; not `subject` or `customer`. */
export const dimensionNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Must be a letter or "_" followed by letters, digits or "_" (at most 64 characters)')
  .refine((name) => !(RESERVED_GROUP_BY as readonly string[]).includes(name), { message: '"subject" and "customer" are reserved' });

/** A JSONPath string (checked by the metering core's parser). */
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
  aggregation: z.enum(AGGREGATIONS),
  /** JSONPath of the value in the event's data, e.g. `$.tokens`. Required except for COUNT (where it is ignored). */
  valueProperty: jsonPathSchema.nullish(),
  /** Dimension name → JSONPath, e.g. `{ model: '$.model' }`. */
  groupBy: z
    .record(dimensionNameSchema, jsonPathSchema)
    .refine((g) => Object.keys(g).length <= MAX_METER_DIMENSIONS, { message: `At most ${MAX_METER_DIMENSIONS} dimensions` })
    .optional(),
});

/**
 * The checks of a meter definition that need the JSONPath parser or several fields: a value
 * property is required for every aggregation but COUNT, and every path must parse. Run on the raw
 * input, so they are reported together with the schema's issues.
 */
export function meterDefinitionIssues(raw: unknown): ValidationIssue[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const input = raw as { aggregation?: unknown; valueProperty?: unknown; groupBy?: unknown };
  const issues: ValidationIssue[] = [];
  const check = (path: unknown, field: string): void => {
    if (typeof path !== 'string' || path === '') return;
    try {
      compileJsonPath(path, field);
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      else throw error;
    }
  };
  const aggregation = input.aggregation;
  if ((AGGREGATIONS as readonly unknown[]).includes(aggregation) && requiresValueProperty(aggregation as Aggregation)) {
    if (input.valueProperty === undefined || input.valueProperty === null) {
      issues.push({ path: 'valueProperty', code: 'required', message: `Required for ${String(aggregation)} meters (a JSONPath such as $.tokens)` });
    }
  }
  check(input.valueProperty, 'valueProperty');
  if (typeof input.groupBy === 'object' && input.groupBy !== null) {
    for (const [name, path] of Object.entries(input.groupBy)) check(path, `groupBy.${name}`);
  }
  return issues;
}

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
