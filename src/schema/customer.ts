import { z } from 'zod';
import { currencyCodeSchema, externalKeySchema, limitSchema, metadataSchema, timeZoneSchema } from './common';

const subjectKeysSchema = z
  .array(externalKeySchema)
  .max(1000, 'At most 1,000 subject keys')
  .refine((keys) => new Set(keys).size === keys.length, { message: 'Subject keys must be unique' });

/** Input of `tg.customers.create`. */
export const customerCreateSchema = z.strictObject({
  /** Your own identifier for the customer, unique. */
  key: externalKeySchema,
  name: z.string().max(1000).nullish(),
  /** The event subjects this customer owns; a subject belongs to at most one customer. */
  subjectKeys: subjectKeysSchema.optional(),
  currency: currencyCodeSchema.nullish(),
  /** The customer's IANA time zone, used for calendar alignment. */
  timezone: timeZoneSchema.nullish(),
  metadata: metadataSchema.optional(),
});

/** Input of `tg.customers.update`: the fields to change; `null` clears a field. */
export const customerUpdateSchema = z.strictObject({
  name: z.string().max(1000).nullish(),
  subjectKeys: subjectKeysSchema.optional(),
  currency: currencyCodeSchema.nullish(),
  timezone: timeZoneSchema.nullish(),
  metadata: metadataSchema.optional(),
});

/** Input of `tg.customers.list`. */
export const customerListSchema = z.strictObject({
  limit: limitSchema.optional(),
  cursor: z.string().min(1).optional(),
  includeArchived: z.boolean().optional(),
});

/** A customer reference: its id or its key. */
export const refSchema = z.string().min(1, 'Must not be empty');

export type CustomerCreateInput = z.input<typeof customerCreateSchema>;
export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>;
export type CustomerListInput = z.input<typeof customerListSchema>;
