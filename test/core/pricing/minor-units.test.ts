import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money';
import {
  decimalRatio,
  decimalToMinorUnits,
  divideRounded,
  formatMinorUnits,
  minorUnitsToDecimal,
  toMinorUnits,
} from '../../../src/core/pricing/minor-units';

const d = (v: string) => parseDecimal(v);

describe('minor units', () => {
  it('rounds once to the minor units, half up or half even', () => {
    expect(toMinorUnits(d('2.345'), { precision: 2, rounding: 'half_up' })).toBe(235n);
    expect(toMinorUnits(d('2.345'), { precision: 2, rounding: 'half_even' })).toBe(234n);
    expect(toMinorUnits(d('-2.5'), { precision: 0, rounding: 'half_up' })).toBe(-3n);
    expect(toMinorUnits(d('-0.001'), { precision: 2, rounding: 'half_up' })).toBe(0n);
    expect(toMinorUnits(d('123456789012345678901234567890.125'), { precision: 2, rounding: 'half_up' })).toBe(12345678901234567890123456789013n);
  });

  it('formats with exactly the precision, never -0', () => {
    expect(formatMinorUnits(1250n, 2)).toBe('12.50');
    expect(formatMinorUnits(5n, 3)).toBe('0.005');
    expect(formatMinorUnits(-5n, 2)).toBe('-0.05');
    expect(formatMinorUnits(0n, 2)).toBe('0.00');
    expect(formatMinorUnits(1235n, 0)).toBe('1235');
    expect(formatMinorUnits(-1235n, 0)).toBe('-1235');
  });

  it('converts to and from decimals exactly', () => {
    expect(minorUnitsToDecimal(-1250n, 2).toFixed()).toBe('-12.5');
    expect(decimalToMinorUnits(d('12.5'), 2)).toBe(1250n);
    expect(decimalRatio(d('0.0825'))).toEqual({ numerator: 825n, denominator: 10000n });
    expect(decimalRatio(d('12'))).toEqual({ numerator: 12n, denominator: 1n });
  });

  it('divides with one exact rounding', () => {
    expect(divideRounded(2000n, 12n, 'half_up')).toBe(167n);
    expect(divideRounded(5n, 2n, 'half_up')).toBe(3n);
    expect(divideRounded(5n, 2n, 'half_even')).toBe(2n);
    expect(divideRounded(7n, 2n, 'half_even')).toBe(4n);
    expect(divideRounded(-5n, 2n, 'half_up')).toBe(-3n);
    expect(divideRounded(-5n, 2n, 'half_even')).toBe(-2n);
    expect(divideRounded(1n, 3n, 'half_up')).toBe(0n);
  });
});

describe('toMinorUnits on amounts already in minor units', () => {
  it('scales without rounding', () => {
    const usd = { precision: 2, rounding: 'half_up' } as const;
    expect(toMinorUnits(d('49'), usd)).toBe(4900n);
    expect(toMinorUnits(d('0.5'), usd)).toBe(50n);
    expect(toMinorUnits(d('-0.05'), usd)).toBe(-5n);
    expect(toMinorUnits(d('0'), usd)).toBe(0n);
    expect(toMinorUnits(d('1234.56'), usd)).toBe(123456n);
    expect(toMinorUnits(d('7'), { precision: 0, rounding: 'half_even' })).toBe(7n);
  });
});
