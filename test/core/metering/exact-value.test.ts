import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum, addExact, compareExact, formatExact, fromStoredDecimal, maxExact, minExact, readExactValue } from '../../../src/core/metering';
import { Dec } from '../../../src/core/money';

describe('readExactValue', () => {
  it.each([
    [12, 12],
    [-3, -3],
    [0.1, '0.1'],
    [1.005, '1.005'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    [-0, 0],
    [9007199254740991, 9007199254740991],
    [9007199254740992, '9007199254740992'],
    ['42', 42],
    ['007', 7],
    ['-0', 0],
    ['-0.000', 0],
    ['1.50', '1.5'],
    ['12345678901234567890', '12345678901234567890'],
    ['0.1', '0.1'],
  ])('reads %j as %j', (raw, expected) => {
    expect(readExactValue(raw)).toBe(expected);
  });

  it.each([null, undefined, true, '', 'abc', '1e3', ' 1', '.5', '1.', '+1', 'NaN', Number.NaN, Number.POSITIVE_INFINITY, {}, [1]])(
    'refuses %j',
    (raw) => {
      expect(readExactValue(raw)).toBeUndefined();
    },
  );

  it('refuses bigints as event values (JSON has none)', () => {
    expect(readExactValue(10n)).toBeUndefined();
  });

  it('reads stored decimals, Postgres NUMERIC text and bigints', () => {
    expect(fromStoredDecimal('0.30')).toBe('0.3');
    expect(fromStoredDecimal('10.000')).toBe(10);
    expect(fromStoredDecimal(12n)).toBe(12);
    expect(() => fromStoredDecimal('x')).toThrow();
  });
});

describe('exact arithmetic', () => {
  it('adds, compares and picks extremes exactly', () => {
    expect(addExact(1, 2)).toBe(3);
    expect(addExact('0.1', '0.2')).toBe('0.3');
    expect(addExact('0.5', '0.5')).toBe(1);
    expect(addExact(9007199254740991, 1)).toBe('9007199254740992');
    expect(compareExact('10', '9.5')).toBe(1);
    expect(compareExact(-1, '-0.5')).toBe(-1);
    expect(compareExact(3, 3)).toBe(0);
    expect(minExact(null, '2.5')).toBe('2.5');
    expect(minExact(10, '9.99')).toBe('9.99');
    expect(maxExact('100', 99)).toBe('100');
    expect(maxExact(5, null)).toBe(5);
    expect(formatExact(-12)).toBe('-12');
  });

  it('ExactSum: ten 0.1 make 1, integers stay exact past 2^53', () => {
    const tenths = new ExactSum();
    for (let i = 0; i < 10; i++) tenths.add('0.1');
    expect(tenths.value()).toBe(1);
    const big = new ExactSum();
    for (let i = 0; i < 3; i++) big.add(Number.MAX_SAFE_INTEGER);
    expect(big.value()).toBe('27021597764222973');
    expect(big.toDecimal().toFixed()).toBe('27021597764222973');
  });

  it('ExactSum equals the decimal sum of any mix of integers and decimals', () => {
    const value = fc.oneof(
      fc.integer({ min: -1e15, max: 1e15 }),
      fc.constant(Number.MAX_SAFE_INTEGER),
      fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 999999 })).map(([i, f]) => `${i}.${String(f).padStart(6, '0')}`),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 50 }), (values) => {
        const sum = new ExactSum();
        let expected = new Dec(0);
        for (const v of values) {
          const exact = readExactValue(v)!;
          sum.add(exact);
          expected = expected.plus(v);
        }
        expect(new Dec(sum.value()).eq(expected)).toBe(true);
      }),
    );
  });
});
