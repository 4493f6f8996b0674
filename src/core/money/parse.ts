import { ValidationError } from '../../errors';
import { Dec, ZERO, type Decimal } from './decimal';

/** The only accepted shape of a decimal string: optional minus, digits, optional fraction. */
const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** Longest part of a rejected string quoted back in a message. */
const MAX_QUOTED = 40;

/** Outcome of reading an input: the value, or why it is not a decimal. */
type ReadResult = { ok: true; value: Decimal } | { ok: false; reason: string };

/**
 * True when `s` is a plain decimal string: `^-?\d+(\.\d+)?$` (ASCII digits, no exponent, no `+`,
 * no whitespace, no thousands separator, at least one digit on each side of a `.`).
 * @example
 * isDecimalString('-12.50'); // true
 * isDecimalString('1e5');    // false
 * isDecimalString('.5');     // false
 */
export function isDecimalString(s: string): boolean {
  return typeof s === 'string' && DECIMAL_STRING.test(s);
}

/**
 * Reads a decimal from a finite JS number, a bigint or a plain decimal string (see
 * {@link isDecimalString}). A number is read as its shortest decimal form, so `1.005` is exactly
 * 1.005 and `0.1` is exactly 0.1. Negative zero is read as 0.
 *
 * @param input - the value to read.
 * @param path - where the value sits in the caller's input, reported in the error.
 * @throws ValidationError with one issue `{ path, code: 'invalid_decimal' }` that says what was wrong.
 * @example
 * parseDecimal('12.50').toFixed();   // '12.5'
 * parseDecimal(1.005).toFixed();     // '1.005'
 * parseDecimal('1e5', 'price.unitAmount'); // throws ValidationError (exponent notation)
 */
export function parseDecimal(input: unknown, path = 'value'): Decimal {
  const result = read(input);
  if (!result.ok) throw ValidationError.single(path, 'invalid_decimal', result.reason);
  return result.value;
}

/**
 * Like {@link parseDecimal}, but returns `undefined` instead of throwing. Meters use it for event
 * values: a JSON number or a decimal string counts, anything else makes the event invisible.
 * @example
 * tryParseDecimal('0.1')?.toFixed(); // '0.1'
 * tryParseDecimal('abc');            // undefined
 * tryParseDecimal(null);             // undefined
 */
export function tryParseDecimal(input: unknown): Decimal | undefined {
  const result = read(input);
  return result.ok ? result.value : undefined;
}

/**
 * Like {@link parseDecimal}, and also rejects values below zero (`-0` is zero and is accepted).
 * @throws ValidationError with code `invalid_decimal` (not a decimal) or `negative` (below zero).
 * @example
 * parseNonNegativeDecimal('0.25', 'quantity').toFixed(); // '0.25'
 * parseNonNegativeDecimal('-1', 'quantity');             // throws ValidationError (code 'negative')
 */
export function parseNonNegativeDecimal(input: unknown, path = 'value'): Decimal {
  const value = parseDecimal(input, path);
  if (value.isNegative()) {
    throw ValidationError.single(path, 'negative', `must not be negative, got ${value.toFixed()}`);
  }
  return value;
}

function read(input: unknown): ReadResult {
  switch (typeof input) {
    case 'number':
      if (Number.isNaN(input)) return fail('expected a finite number, got NaN');
      if (!Number.isFinite(input)) return fail(`expected a finite number, got ${String(input)}`);
      // Dec reads a number through Number#toString, i.e. its shortest round-tripping decimal form.
      return ok(new Dec(input));
    case 'bigint':
      return ok(new Dec(input.toString()));
    case 'string':
      return DECIMAL_STRING.test(input) ? ok(new Dec(input)) : fail(describeBadString(input));
    case 'undefined':
      return fail('expected a decimal number or string, got undefined');
    case 'object':
      if (input === null) return fail('expected a decimal number or string, got null');
      if (Array.isArray(input)) return fail('expected a decimal number or string, got an array');
      return fail('expected a decimal number or string, got an object');
    default:
      return fail(`expected a decimal number or string, got ${typeof input}`);
  }
}

function ok(value: Decimal): ReadResult {
  return { ok: true, value: value.isZero() ? ZERO : value };
}

function fail(reason: string): ReadResult {
  return { ok: false, reason };
}

/** Says what is wrong with a string that is not a plain decimal, for a person. */
function describeBadString(s: string): string {
  if (s === '') return 'expected a decimal string, got an empty string';
  const quoted = JSON.stringify(s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…` : s);
  const why = badStringReason(s);
  return `${quoted} is not a decimal string (${why}); expected digits with an optional leading '-' and an optional '.' fraction, e.g. "12.50"`;
}

function badStringReason(s: string): string {
  if (s.trim() !== s) return 'leading or trailing whitespace is not allowed';
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(s)) return 'exponent notation is not allowed';
  if (s.startsWith('+')) return "a leading '+' is not allowed";
  if (/^-?\.\d+$/.test(s)) return "a digit is required before the '.'";
  if (/^-?\d+\.$/.test(s)) return "a digit is required after the '.'";
  if (s.includes(',')) return "',' is not allowed; use '.' as the decimal separator and no grouping";
  if (/^-?(NaN|Infinity)$/i.test(s)) return 'only finite values are allowed';
  return "it is not of the form digits, optionally followed by '.' and digits";
}
