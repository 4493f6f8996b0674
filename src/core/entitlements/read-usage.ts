import { ZERO, parseDecimal, type Decimal } from '../money';
import type { ParsedBurnDownInput } from './burn-down-input';
import type { UsageWindow } from './segments';

/**
 * Calls the caller's usage reader for `window` and reads the answer as a decimal; no window
 * means nothing to read (0).
 * @throws ValidationError `invalid_decimal` (path `usage`) when the reader returns something that
 *   is not a decimal.
 * @internal
 * @example
 * readUsage(parsed, { from: a, to: b }); // Decimal
 */
export function readUsage(input: ParsedBurnDownInput, window: UsageWindow | null): Decimal {
  if (window === null) return ZERO;
  return parseDecimal(input.usage(new Date(window.from), new Date(window.to)), 'usage');
}
