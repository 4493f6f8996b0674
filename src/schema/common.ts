import { assertTimeZone, toInstant } from '../core/time';
import { ValidationError } from '../errors';
import { z } from 'zod';

/**
 * An instant: a valid `Date` or an ISO-8601 string with a zone (`2024-01-31T00:00:00Z`), parsed to
 * a `Date` by the time core's rules.
 */
export const instantSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  try {
    return toInstant(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof ValidationError ? (error.issues[0]?.message ?? error.message) : String(error) });
    return z.NEVER;
  }
});

/** A customer key or a subject key: 1–256 characters, no whitespace or control characters. */
export const externalKeySchema = z
  .string()
  .min(1, 'Must not be empty')
  .max(256, 'Must be at most 256 characters')
  .regex(/^[^\s\p{Cc}]*$/u, 'Must not contain whitespace or control characters');

/** Free-form JSON metadata: a plain object. */
export const metadataSchema = z.record(z.string(), z.json());

/** An IANA time zone name that this runtime knows (`Europe/Paris`, `UTC`). */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, { message: 'Unknown IANA time zone' });

function isKnownTimeZone(zone: string): boolean {
  try {
    assertTimeZone(zone);
    return true;
  } catch {
    return false;
  }
}

/** A currency code's shape; whether it is known is checked against the client's currency registry. */
export const currencyCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'Must be an uppercase currency code such as USD');

/** A page size: 1 to 1,000. */
export const limitSchema = z.number().int().min(1).max(1000);


/** A resource key (meters, features, plans): lowercase words joined by `_`, 1–64 characters. */
export const resourceKeySchema = z
  .string()
  .min(1, 'Must not be empty')
  .max(64, 'Must be at most 64 characters')
  .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'Must be lowercase letters and digits in words joined by "_" (e.g. api_calls)');
