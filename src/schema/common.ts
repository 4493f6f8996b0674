import { assertTimeZone, parseInterval, toInstant } from '../core/time';
import { ValidationError } from '../errors';
import { z } from 'zod';

/**
 * An instant input: a `Date` or an ISO-8601 string with an offset (or a date alone), read as
 * the time core's `toInstant` reads it; the output is a new `Date`. Reports `required` or
 * `invalid_instant`.
 */
export const instantSchema = z.custom<Date | string>().transform((value: unknown, ctx): Date => {
  try {
    return toInstant(value, '');
  } catch (error) {
    const missing = value === undefined;
    const message = error instanceof ValidationError ? error.issues[0]?.message : undefined;
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: missing ? 'Required: an instant' : (message ?? 'Not an instant'),
      params: { code: missing ? 'required' : 'invalid_instant' },
    });
    return z.NEVER;
  }
});

/**
 * An ISO-8601 duration usable as a recurrence interval (`P1M`, `P1Y`, `P2W`, `PT1H`; not `P0D`),
 * checked by the time core's grammar. Reports the core's code (`invalid_duration`, `invalid_interval`).
 */
export const intervalSchema = z.string().check(
  z.superRefine((value: string, ctx) => {
    try {
      parseInterval(value, '');
    } catch (error) {
      const issue = error instanceof ValidationError ? error.issues[0] : undefined;
      ctx.addIssue({ code: 'custom', message: issue?.message ?? String(error), params: { code: issue?.code ?? 'invalid_interval' } });
    }
  }),
);

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
