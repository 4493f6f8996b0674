import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Dec, ZERO, type Decimal } from '../../../src/core/money/decimal';
import { parseDecimal } from '../../../src/core/money/parse';
import { formatDecimal } from '../../../src/core/money/format';
import { allocateByLargestRemainder, splitEvenly } from '../../../src/core/money/allocate';
import { ValidationError } from '../../../src/errors';
import { validationErrorOf } from './helpers';

const d = (value: string | number): Decimal => parseDecimal(value);
const ds = (values: readonly (string | number)[]): Decimal[] => values.map((v) => d(v));
const texts = (values: readonly Decimal[]): string[] => values.map(formatDecimal);
const sum = (values: readonly Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), ZERO);

// [description, total, weights, precision, expected parts]
const CASES: Array<[string, string, (string | number)[], number, string[]]> = [
  ['thirds of 10.00', '10', [1, 1, 1], 2, ['3.34', '3.33', '3.33']],
  ['thirds of 100 JPY', '100', [1, 1, 1], 0, ['34', '33', '33']],
  ['thirds of -10.00 (symmetric)', '-10', [1, 1, 1], 2, ['-3.34', '-3.33', '-3.33']],
  ['thirds of 1.00', '1', [1, 1, 1], 2, ['0.34', '0.33', '0.33']],
  ['0.05 by 1:3, largest remainder wins', '0.05', [1, 3], 2, ['0.01', '0.04']],
  ['-0.05 by 1:3', '-0.05', [1, 3], 2, ['-0.01', '-0.04']],
  ['0.02 in three, ties to the lower index', '0.02', [1, 1, 1], 2, ['0.01', '0.01', '0']],
  ['-0.02 in three, ties to the lower index', '-0.02', [1, 1, 1], 2, ['-0.01', '-0.01', '0']],
  ['0.03 in four', '0.03', [1, 1, 1, 1], 2, ['0.01', '0.01', '0.01', '0']],
  ['7 by 2:3:5', '7', [2, 3, 5], 0, ['1', '2', '4']],
  ['1000 in seven', '1000', [1, 1, 1, 1, 1, 1, 1], 0, ['143', '143', '143', '143', '143', '143', '142']],
  ['weights of different scales', '1', ['0.1', '0.2', '0.7'], 2, ['0.1', '0.2', '0.7']],
  ['fractional weights', '100', ['0.5', '0.25', '0.25'], 2, ['50', '25', '25']],
  ['a zero weight gets nothing', '10', [0, 1], 2, ['0', '10']],
  ['all weights zero: equal split', '10', [0, 0], 2, ['5', '5']],
  ['all weights zero, uneven', '0.1', [0, 0, 0], 2, ['0.04', '0.03', '0.03']],
  ['a single weight takes everything', '12.34', [5], 2, ['12.34']],
  ['1 in three at precision 0', '1', [1, 1, 1], 0, ['1', '0', '0']],
  ['BHD (precision 3)', '12.345', [1, 1], 3, ['6.173', '6.172']],
  ['CLF (precision 4)', '1', [1, 2], 4, ['0.3333', '0.6667']],
  ['zero total', '0', [1, 2], 2, ['0', '0']],
  ['a total beyond float range', '123456789012345678901234567890.12', [1, 2], 2, ['41152263004115226300411522630.04', '82304526008230452600823045260.08']],
  ['weights beyond float range', '1', ['100000000000000000000000000001', '99999999999999999999999999999'], 2, ['0.5', '0.5']],
  ['tiny weights', '1', ['0.000000000000000000000000000001', '0.000000000000000000000000000003'], 2, ['0.25', '0.75']],
  ['precision larger than needed', '5', [1, 1], 2, ['2.5', '2.5']],
];

describe('allocateByLargestRemainder', () => {
  it.each(CASES)('%s', (_description, total, weights, precision, expected) => {
    const parts = allocateByLargestRemainder(d(total), ds(weights), precision);
    expect(texts(parts)).toEqual(expected);
    expect(sum(parts).eq(d(total))).toBe(true);
    for (const part of parts) expect(part.isNegative() && part.isZero()).toBe(false);
  });

  it('returns [] for a zero total and no weights', () => {
    expect(allocateByLargestRemainder(ZERO, [], 2)).toEqual([]);
  });

  it('rejects no weights for a non-zero total', () => {
    const error = validationErrorOf(() => allocateByLargestRemainder(d('1'), [], 2));
    expect(error.issues).toEqual([expect.objectContaining({ path: 'weights', code: 'empty' })]);
  });

  it('rejects every negative weight at once, with its index', () => {
    const error = validationErrorOf(() => allocateByLargestRemainder(d('10'), ds([1, -1, 2, '-0.5']), 2));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      ['weights[1]', 'negative'],
      ['weights[3]', 'negative'],
    ]);
  });

  it('accepts a negative-zero weight as zero', () => {
    expect(texts(allocateByLargestRemainder(d('1'), [new Dec('-0'), d(1)], 2))).toEqual(['0', '1']);
  });

  it('rejects non-finite weights', () => {
    const error = validationErrorOf(() => allocateByLargestRemainder(d('1'), [d(1), new Dec('NaN')], 2));
    expect(error.issues).toEqual([expect.objectContaining({ path: 'weights[1]', code: 'invalid_decimal' })]);
  });

  it('refuses a total with more decimals than the precision (a programming error)', () => {
    expect(() => allocateByLargestRemainder(d('1.005'), ds([1, 1]), 2)).toThrow(/round it/);
    try {
      allocateByLargestRemainder(d('1.005'), ds([1, 1]), 2);
    } catch (error) {
      expect(error).not.toBeInstanceOf(ValidationError);
    }
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses the precision %s', (precision) => {
    expect(() => allocateByLargestRemainder(d('1'), ds([1]), precision)).toThrow(/precision/);
  });

  it('does not modify the weights array', () => {
    const weights = Object.freeze(ds([3, 1, 2]));
    allocateByLargestRemainder(d('1'), weights, 2);
    expect(texts(weights)).toEqual(['3', '1', '2']);
  });
});

describe('splitEvenly', () => {
  it.each([
    ['10', 3, 2, ['3.34', '3.33', '3.33']],
    ['100', 3, 0, ['34', '33', '33']],
    ['-100', 3, 0, ['-34', '-33', '-33']],
    ['0.05', 2, 2, ['0.03', '0.02']],
    ['12.34', 1, 2, ['12.34']],
    ['0', 3, 2, ['0', '0', '0']],
    ['1', 4, 4, ['0.25', '0.25', '0.25', '0.25']],
  ] as const)('splits %s into %i at precision %i', (total, parts, precision, expected) => {
    const result = splitEvenly(d(total), parts, precision);
    expect(texts(result)).toEqual(expected);
    expect(sum(result).eq(d(total))).toBe(true);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('rejects %s parts', (parts) => {
    const error = validationErrorOf(() => splitEvenly(d('1'), parts, 2));
    expect(error.issues).toEqual([expect.objectContaining({ path: 'parts', code: 'invalid_parts' })]);
  });

  it('refuses a total with more decimals than the precision', () => {
    expect(() => splitEvenly(d('0.001'), 2, 2)).toThrow(/round it/);
  });
});

/** A decimal with at most `scale` decimal places, from an integer number of units. */
const scaledDecimal = (units: bigint, scale: number): Decimal => {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return parseDecimal(`${negative ? '-' : ''}${text}`);
};

const allocationInput = fc
  .record({
    precision: fc.integer({ min: 0, max: 6 }),
    totalUnits: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
    weightScale: fc.integer({ min: 0, max: 6 }),
    weightUnits: fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 9n })), {
      minLength: 1,
      maxLength: 20,
    }),
  })
  .map(({ precision, totalUnits, weightScale, weightUnits }) => ({
    precision,
    total: scaledDecimal(totalUnits, precision),
    weights: weightUnits.map((u) => scaledDecimal(u, weightScale)),
  }));

describe('allocateByLargestRemainder properties', () => {
  it('parts sum to the total, have at most precision decimals, and stay within one minor unit of the exact share', () => {
    fc.assert(
      fc.property(allocationInput, ({ precision, total, weights }) => {
        const parts = allocateByLargestRemainder(total, weights, precision);
        expect(parts).toHaveLength(weights.length);
        expect(sum(parts).eq(total)).toBe(true);

        const unit = new Dec(10).pow(-precision);
        const allZero = weights.every((w) => w.isZero());
        const effective = allZero ? weights.map(() => new Dec(1)) : weights;
        const weightSum = sum(effective);
        parts.forEach((part, i) => {
          const weight = effective[i] ?? ZERO;
          expect(part.decimalPlaces()).toBeLessThanOrEqual(precision);
          // |part - total × w / Σw| < unit, multiplied through by Σw so that it stays exact.
          const error = part.times(weightSum).minus(total.times(weight)).abs();
          expect(error.lt(unit.times(weightSum))).toBe(true);
          // A part never has the opposite sign of the total.
          expect(part.isZero() || part.isNegative() === total.isNegative()).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('splits a negative total as the mirror image of its absolute value', () => {
    fc.assert(
      fc.property(allocationInput, ({ precision, total, weights }) => {
        const positive = allocateByLargestRemainder(total.abs(), weights, precision);
        const negative = allocateByLargestRemainder(total.abs().neg(), weights, precision);
        expect(texts(negative)).toEqual(positive.map((p) => formatDecimal(p.neg())));
      }),
      { numRuns: 200 },
    );
  });

  it('depends only on the ratios of the weights', () => {
    fc.assert(
      fc.property(allocationInput, fc.integer({ min: 1, max: 1000 }), ({ precision, total, weights }, k) => {
        const scaled = weights.map((w) => w.times(k));
        expect(texts(allocateByLargestRemainder(total, scaled, precision))).toEqual(
          texts(allocateByLargestRemainder(total, weights, precision)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('splitEvenly equals an allocation with equal weights, parts differing by at most one minor unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 1, max: 50 }),
        (precision, units, count) => {
          const total = scaledDecimal(units, precision);
          const parts = splitEvenly(total, count, precision);
          expect(texts(parts)).toEqual(
            texts(allocateByLargestRemainder(total, Array.from({ length: count }, () => new Dec(1)), precision)),
          );
          const unit = new Dec(10).pow(-precision);
          const first = parts[0] ?? ZERO;
          const last = parts[parts.length - 1] ?? ZERO;
          expect(first.minus(last).abs().lte(unit)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
