import { describe, it, expect } from 'vitest';
import DecimalJs from 'decimal.js';
import { Dec, ZERO, ONE, isDecimal } from '../../../src/core/money/decimal';

describe('Dec (the private decimal.js clone)', () => {
  it('computes with 50 significant digits', () => {
    expect(ONE.div(new Dec(3)).toFixed()).toBe(`0.${'3'.repeat(50)}`);
  });

  it('rounds non-terminating results half away from zero', () => {
    // 2/3 = 0.666…; the 50th significant digit rounds up.
    expect(new Dec(2).div(3).toFixed()).toBe(`0.${'6'.repeat(49)}7`);
    expect(new Dec(-2).div(3).toFixed()).toBe(`-0.${'6'.repeat(49)}7`);
  });

  it('never writes an exponent from toString()', () => {
    expect(new Dec('1e-30').toString()).toBe(`0.${'0'.repeat(29)}1`);
    expect(new Dec('1e30').toString()).toBe(`1${'0'.repeat(30)}`);
  });

  it('is independent of the global Decimal configuration', () => {
    const saved = { precision: DecimalJs.precision, rounding: DecimalJs.rounding };
    try {
      DecimalJs.set({ precision: 5, rounding: DecimalJs.ROUND_DOWN });
      expect(ONE.div(3).toFixed()).toBe(`0.${'3'.repeat(50)}`);
      expect(Dec.precision).toBe(50);
      expect(Dec.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    } finally {
      DecimalJs.set(saved);
    }
  });

  it('ten times 0.1 is exactly 1', () => {
    let sum = ZERO;
    for (let i = 0; i < 10; i += 1) sum = sum.plus(new Dec('0.1'));
    expect(sum.eq(ONE)).toBe(true);
    expect(sum.toFixed()).toBe('1');
  });
});

describe('ZERO and ONE', () => {
  it('are 0 and 1', () => {
    expect(ZERO.toFixed()).toBe('0');
    expect(ZERO.isNegative()).toBe(false);
    expect(ONE.toFixed()).toBe('1');
  });
});

describe('isDecimal', () => {
  it.each([
    [ONE, true],
    [new Dec('1.5'), true],
    ['1.5', false],
    [1.5, false],
    [null, false],
    [{ d: [1], e: 0, s: 1 }, false],
  ] as const)('isDecimal(%j) is %s', (value, expected) => {
    expect(isDecimal(value)).toBe(expected);
  });
});
