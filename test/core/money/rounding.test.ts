import { describe, it, expect } from 'vitest';
import { Dec } from '../../../src/core/money/decimal';
import { parseDecimal } from '../../../src/core/money/parse';
import { formatDecimal } from '../../../src/core/money/format';
import { roundAmount, ROUNDING_MODES, type RoundingMode } from '../../../src/core/money/rounding';
import { validationErrorOf } from './helpers';

// [input, precision, half_up, half_even]
const CASES: Array<[string, number, string, string]> = [
  // precision 0: the classic half cases
  ['0.5', 0, '1', '0'],
  ['1.5', 0, '2', '2'],
  ['2.5', 0, '3', '2'],
  ['3.5', 0, '4', '4'],
  ['-0.5', 0, '-1', '0'],
  ['-1.5', 0, '-2', '-2'],
  ['-2.5', 0, '-3', '-2'],
  ['-3.5', 0, '-4', '-4'],
  ['2.4999', 0, '2', '2'],
  ['2.5001', 0, '3', '3'],
  ['-2.5001', 0, '-3', '-3'],
  ['1234.5', 0, '1235', '1234'],
  ['7', 0, '7', '7'],
  // precision 2
  ['2.345', 2, '2.35', '2.34'],
  ['2.355', 2, '2.36', '2.36'],
  ['-2.345', 2, '-2.35', '-2.34'],
  ['-2.355', 2, '-2.36', '-2.36'],
  ['1.005', 2, '1.01', '1'],
  ['0.125', 2, '0.13', '0.12'],
  ['0.135', 2, '0.14', '0.14'],
  ['0.1249999', 2, '0.12', '0.12'],
  ['-0.004', 2, '0', '0'],
  ['-0.005', 2, '-0.01', '0'],
  ['0.005', 2, '0.01', '0'],
  ['12.3', 2, '12.3', '12.3'],
  ['99.995', 2, '100', '100'],
  // precision 3
  ['1.0005', 3, '1.001', '1'],
  ['1.0015', 3, '1.002', '1.002'],
  ['-1.0005', 3, '-1.001', '-1'],
  ['0.0025', 3, '0.003', '0.002'],
  ['-0.0035', 3, '-0.004', '-0.004'],
  // precision 4
  ['0.00005', 4, '0.0001', '0'],
  ['0.00015', 4, '0.0002', '0.0002'],
  ['0.00025', 4, '0.0003', '0.0002'],
  ['-0.00025', 4, '-0.0003', '-0.0002'],
  ['123.456789', 4, '123.4568', '123.4568'],
  // beyond float precision
  [`0.${'0'.repeat(40)}5`, 40, `0.${'0'.repeat(39)}1`, '0'],
  ['12345678901234567890.5', 0, '12345678901234567891', '12345678901234567890'],
];

describe('roundAmount', () => {
  it.each(CASES)('%s at precision %i: half_up %s, half_even %s', (input, precision, halfUp, halfEven) => {
    const d = parseDecimal(input);
    expect(formatDecimal(roundAmount(d, precision, 'half_up'))).toBe(halfUp);
    expect(formatDecimal(roundAmount(d, precision, 'half_even'))).toBe(halfEven);
  });

  it("defaults to 'half_up' (half away from zero)", () => {
    expect(formatDecimal(roundAmount(parseDecimal('2.5'), 0))).toBe('3');
    expect(formatDecimal(roundAmount(parseDecimal('-2.5'), 0))).toBe('-3');
  });

  it.each(CASES)('leaves at most precision decimal places (%s, %i)', (input, precision) => {
    for (const mode of ROUNDING_MODES) {
      expect(roundAmount(parseDecimal(input), precision, mode).decimalPlaces()).toBeLessThanOrEqual(precision);
    }
  });

  it('never returns negative zero', () => {
    for (const mode of ROUNDING_MODES) {
      const rounded = roundAmount(parseDecimal('-0.001'), 2, mode);
      expect(rounded.isZero()).toBe(true);
      expect(rounded.isNegative()).toBe(false);
    }
  });

  it('does not depend on the input being of the private clone', () => {
    expect(formatDecimal(roundAmount(new Dec('2.5'), 0, 'half_even'))).toBe('2');
  });

  it.each([['ceil'], ['HALF_UP'], ['']])('rejects the unknown mode %j with a ValidationError', (mode) => {
    const error = validationErrorOf(() => roundAmount(parseDecimal('1.5'), 0, mode as RoundingMode));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: 'rounding', code: 'invalid_rounding_mode' });
  });

  it.each([[-1], [0.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('throws on precision %s', (precision) => {
    expect(() => roundAmount(parseDecimal('1'), precision)).toThrow(/precision/);
  });

  it('throws on a non-finite amount', () => {
    expect(() => roundAmount(new Dec('Infinity'), 2)).toThrow(/non-finite/);
  });

  it('lists the modes', () => {
    expect(ROUNDING_MODES).toEqual(['half_up', 'half_even']);
  });
});
