import { ValidationError, type ValidationIssue } from '../../errors';
import { Dec, ZERO, type Decimal } from './decimal';
import { assertFinite, assertPrecision, assertRounded } from './money-checks';

/**
 * Splits `total` into parts proportional to `weights`, each a whole number of minor units
 * (at most `precision` decimal places), that always sum exactly to `total`.
 *
 * Method (largest remainder, a.k.a. Hamilton): each exact share `|total| × wᵢ / Σw` is floored to
 * the minor unit; the minor units left over are handed out one at a time to the parts with the
 * largest remainders, a tie going to the lower index. A negative total is split like its absolute
 * value and every part negated, so the split is symmetric. All arithmetic is exact (integers).
 * Each part differs from its exact share by less than one minor unit.
 *
 * If every weight is zero the total is split equally. An empty `weights` gives `[]` for a zero total.
 *
 * @param total - the amount to split, with at most `precision` decimal places.
 * @param weights - one non-negative weight per part (any scale: `[1, 3]` and `[0.25, 0.75]` agree).
 * @param precision - decimal places of the minor unit, an integer ≥ 0.
 * @returns one part per weight, in the same order; zero parts are `0`, never `-0`.
 * @throws ValidationError (path `weights[i]`, code `negative` or `invalid_decimal`) for every bad
 * weight, or (path `weights`, code `empty`) when there are no weights for a non-zero total.
 * @throws Error (a programming error) if `total` has more than `precision` decimal places, is not
 * finite, or `precision` is not a non-negative integer.
 * @example
 * allocateByLargestRemainder(parseDecimal('10'), [ONE, ONE, ONE], 2).map(formatDecimal);
 * // ['3.34', '3.33', '3.33']
 * allocateByLargestRemainder(parseDecimal('-0.05'), [parseDecimal(1), parseDecimal(3)], 2).map(formatDecimal);
 * // ['-0.01', '-0.04']
 */
export function allocateByLargestRemainder(total: Decimal, weights: readonly Decimal[], precision: number): Decimal[] {
  assertPrecision('allocateByLargestRemainder', precision);
  assertFinite('allocateByLargestRemainder', total);
  assertRounded('allocateByLargestRemainder', total, precision);

  const issues: ValidationIssue[] = [];
  weights.forEach((w, i) => {
    if (!Dec.isDecimal(w) || !w.isFinite()) {
      issues.push({ path: `weights[${i}]`, code: 'invalid_decimal', message: 'weight must be a finite decimal' });
    } else if (w.isNegative() && !w.isZero()) {
      issues.push({ path: `weights[${i}]`, code: 'negative', message: `weight must not be negative, got ${w.toFixed()}` });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);

  if (weights.length === 0) {
    if (total.isZero()) return [];
    throw ValidationError.single('weights', 'empty', `cannot allocate ${total.toFixed()} to zero weights`);
  }

  // Scale every weight to an integer with the same power of ten: the ratios do not change.
  const scale = weights.reduce((max, w) => Math.max(max, w.decimalPlaces()), 0);
  let integerWeights = weights.map((w) => toScaledBigInt(w, scale));
  if (integerWeights.every((w) => w === 0n)) integerWeights = integerWeights.map(() => 1n);
  return allocateUnits(total, integerWeights, precision);
}

/**
 * Splits `total` into `parts` equal parts of whole minor units that sum exactly to `total`; the
 * leftover minor units go to the first parts (e.g. 10.00 / 3 → 3.34, 3.33, 3.33).
 *
 * @param total - the amount to split, with at most `precision` decimal places.
 * @param parts - how many parts, an integer ≥ 1.
 * @param precision - decimal places of the minor unit, an integer ≥ 0.
 * @throws ValidationError (path `parts`, code `invalid_parts`) if `parts` is not a positive integer.
 * @throws Error (a programming error) under the same conditions as {@link allocateByLargestRemainder}.
 * @example
 * splitEvenly(parseDecimal('100'), 3, 0).map(formatDecimal); // ['34', '33', '33']
 */
export function splitEvenly(total: Decimal, parts: number, precision: number): Decimal[] {
  assertPrecision('splitEvenly', precision);
  assertFinite('splitEvenly', total);
  assertRounded('splitEvenly', total, precision);
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw ValidationError.single('parts', 'invalid_parts', `parts must be a positive integer, got ${String(parts)}`);
  }
  return allocateUnits(total, Array.from({ length: parts }, () => 1n), precision);
}

/** The largest-remainder split in integer minor units; `weights` are non-negative, not all zero. */
function allocateUnits(total: Decimal, weights: readonly bigint[], precision: number): Decimal[] {
  const negative = total.isNegative() && !total.isZero();
  const units = toScaledBigInt(total.abs(), precision);
  const weightSum = weights.reduce((a, b) => a + b, 0n);

  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  for (const w of weights) {
    const numerator = units * w;
    floors.push(numerator / weightSum);
    remainders.push(numerator % weightSum);
  }
  let leftover = units - floors.reduce((a, b) => a + b, 0n);

  // Largest remainder first; a tie goes to the lower index.
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const i of order) {
    if (leftover === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    leftover -= 1n;
  }

  return floors.map((u) => fromScaledBigInt(negative ? -u : u, precision));
}

/** `d × 10^scale` as a bigint; `d` must have at most `scale` decimal places. Exact at any size. */
function toScaledBigInt(d: Decimal, scale: number): bigint {
  return BigInt(d.toFixed(scale).replace('.', ''));
}

/** `units × 10^-scale` as a decimal, built from its digits so that no rounding can happen. */
function fromScaledBigInt(units: bigint, scale: number): Decimal {
  if (units === 0n) return ZERO;
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return new Dec(`${sign}${text}`);
}
