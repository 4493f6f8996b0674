import type { Decimal } from '../money';

/**
 * Compares two finite decimals: -1, 0 or 1, like `a.cmp(b)` but without the copy decimal.js makes
 * of its argument (pricing compares bounds in tight loops). Reads the documented read-only
 * properties of a decimal.js instance: `d` (digits, base 1e7), `e` (exponent), `s` (sign).
 * @internal
 * @example
 * compareDecimals(parseDecimal('10'), parseDecimal('9.99')); // 1
 */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const ad = a.d;
  const bd = b.d;
  const as = a.s;
  if (!ad || !bd) return a.cmp(b); // not finite: let decimal.js decide
  const aZero = ad[0] === 0;
  const bZero = bd[0] === 0;
  if (aZero || bZero) return aZero ? (bZero ? 0 : -b.s) : as;
  if (as !== b.s) return as;
  if (a.e !== b.e) return (a.e > b.e) !== as < 0 ? 1 : -1;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) {
    const x = ad[i] as number;
    const y = bd[i] as number;
    if (x !== y) return (x > y) !== as < 0 ? 1 : -1;
  }
  if (ad.length === bd.length) return 0;
  return (ad.length > bd.length) !== as < 0 ? 1 : -1;
}
