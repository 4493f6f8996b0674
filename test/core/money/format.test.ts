import { describe, it, expect } from 'vitest';
import { Dec, ZERO } from '../../../src/core/money/decimal';
import { parseDecimal } from '../../../src/core/money/parse';
import { formatDecimal, formatMoney } from '../../../src/core/money/format';

const CANONICAL = /^-?\d+(\.\d+)?$/;

describe('formatDecimal', () => {
  it.each([
    ['1.0', '1'],
    ['1.50', '1.5'],
    ['-12.500', '-12.5'],
    ['0.000125', '0.000125'],
    ['100', '100'],
    ['007', '7'],
    ['0', '0'],
    ['-0', '0'],
    ['-0.00', '0'],
  ] as const)('formats %j as %j', (input, expected) => {
    const text = formatDecimal(parseDecimal(input));
    expect(text).toBe(expected);
    expect(text).toMatch(CANONICAL);
  });

  it.each([
    ['1e-30', `0.${'0'.repeat(29)}1`],
    ['-1e-30', `-0.${'0'.repeat(29)}1`],
    ['1e30', `1${'0'.repeat(30)}`],
    ['1.5e25', `15${'0'.repeat(24)}`],
    ['1e-7', '0.0000001'],
    ['1e21', '1000000000000000000000'],
  ] as const)('never uses an exponent: %s', (exponential, expected) => {
    const text = formatDecimal(new Dec(exponential));
    expect(text).toBe(expected);
    expect(text).toMatch(CANONICAL);
  });

  it('writes negative zero (from arithmetic) as "0"', () => {
    const negativeZero = new Dec(-1).times(0);
    expect(negativeZero.isNegative()).toBe(true);
    expect(formatDecimal(negativeZero)).toBe('0');
    expect(formatDecimal(new Dec('-0'))).toBe('0');
  });

  it('formats JS numbers by their shortest decimal form', () => {
    expect(formatDecimal(parseDecimal(1.005))).toBe('1.005');
    expect(formatDecimal(parseDecimal(1e21))).toBe('1000000000000000000000');
  });

  it('ten times 0.1 sums to "1"', () => {
    const sum = Array.from({ length: 10 }, () => parseDecimal(0.1)).reduce((a, b) => a.plus(b), ZERO);
    expect(formatDecimal(sum)).toBe('1');
  });

  it('keeps a non-terminating result with more than 20 significant digits', () => {
    const text = formatDecimal(new Dec(4).div(3));
    expect(text).toMatch(CANONICAL);
    expect(text.replace('.', '').length).toBeGreaterThanOrEqual(20);
    expect(text.startsWith('1.3333333333333333333')).toBe(true);
  });

  it.each([['NaN'], ['Infinity'], ['-Infinity']])('throws on %s', (input) => {
    expect(() => formatDecimal(new Dec(input))).toThrow(/non-finite/);
  });
});

describe('formatMoney', () => {
  it.each([
    ['12.5', 2, '12.50'],
    ['12', 2, '12.00'],
    ['12.34', 2, '12.34'],
    ['1235', 0, '1235'],
    ['-3.1', 3, '-3.100'],
    ['0', 2, '0.00'],
    ['-0', 2, '0.00'],
    ['-0', 0, '0'],
    ['0.0001', 4, '0.0001'],
    ['1e30', 2, `1${'0'.repeat(30)}.00`],
  ] as const)('formats %s with precision %i as %j', (input, precision, expected) => {
    const text = formatMoney(new Dec(input), precision);
    expect(text).toBe(expected);
    expect(text).toMatch(CANONICAL);
  });

  it('writes a negative zero from arithmetic as "0.00"', () => {
    expect(formatMoney(new Dec(-1).times(0), 2)).toBe('0.00');
  });

  it.each([
    ['12.345', 2],
    ['1.5', 0],
    ['0.00001', 4],
    ['-0.001', 2],
  ] as const)('refuses to round %s implicitly to precision %i', (input, precision) => {
    expect(() => formatMoney(new Dec(input), precision)).toThrow(/round it before formatting/);
  });

  it.each([[-1], [1.5], [Number.NaN]])('throws on an invalid precision %s', (precision) => {
    expect(() => formatMoney(new Dec('1'), precision)).toThrow(/precision/);
  });

  it('throws on a non-finite amount', () => {
    expect(() => formatMoney(new Dec('NaN'), 2)).toThrow(/non-finite/);
  });
});
