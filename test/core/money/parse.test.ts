import { describe, it, expect } from 'vitest';
import { Dec, ZERO } from '../../../src/core/money/decimal';
import {
  isDecimalString,
  parseDecimal,
  parseNonNegativeDecimal,
  tryParseDecimal,
} from '../../../src/core/money/parse';
import { validationErrorOf } from './helpers';

const ACCEPTED: Array<[label: string, input: unknown, expected: string]> = [
  ['integer string', '42', '42'],
  ['negative string', '-12.5', '-12.5'],
  ['trailing zeros in a string', '12.50', '12.5'],
  ['leading zeros in a string', '007.25', '7.25'],
  ['zero string', '0', '0'],
  ['negative zero string', '-0', '0'],
  ['negative zero string with fraction', '-0.000', '0'],
  ['tiny fraction string', '0.000125', '0.000125'],
  ['long exact string', '123456789012345678901234567890.123456789012345678901234567890', '123456789012345678901234567890.12345678901234567890123456789'],
  ['more digits than the precision', `0.${'1'.repeat(80)}`, `0.${'1'.repeat(80)}`],
  ['integer number', 42, '42'],
  ['negative number', -3.75, '-3.75'],
  ['0.1 as its shortest form', 0.1, '0.1'],
  ['1.005 as its shortest form', 1.005, '1.005'],
  ['0.1 + 0.2 as written by JS', 0.1 + 0.2, '0.30000000000000004'],
  ['large number (1e21)', 1e21, '1000000000000000000000'],
  ['small number (1e-7)', 1e-7, '0.0000001'],
  ['max safe integer', Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ['number negative zero', -0, '0'],
  ['bigint', 123456789012345678901234567890n, '123456789012345678901234567890'],
  ['negative bigint', -5n, '-5'],
];

const REJECTED: Array<[label: string, input: unknown, messagePart: string]> = [
  ['exponent string', '1e5', 'exponent'],
  ['upper-case exponent string', '2.5E-3', 'exponent'],
  ['letters', 'abc', 'not of the form'],
  ['empty string', '', 'empty string'],
  ['leading space', ' 1', 'whitespace'],
  ['trailing space', '1 ', 'whitespace'],
  ['trailing newline', '1\n', 'whitespace'],
  ['comma decimal separator', '1,5', "','"],
  ['thousands separator', '1,000.00', "','"],
  ['plus sign', '+1', "'+'"],
  ['no digit before the point', '.5', "before the '.'"],
  ['negative with no digit before the point', '-.5', "before the '.'"],
  ['no digit after the point', '1.', "after the '.'"],
  ['two points', '1.2.3', 'not of the form'],
  ['double minus', '--1', 'not of the form'],
  ['lone minus', '-', 'not of the form'],
  ['hexadecimal', '0x10', 'not of the form'],
  ['"NaN" string', 'NaN', 'finite'],
  ['"Infinity" string', 'Infinity', 'finite'],
  ['non-ASCII digits', '١٢', 'not of the form'],
  ['NaN', Number.NaN, 'NaN'],
  ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
  ['-Infinity', Number.NEGATIVE_INFINITY, '-Infinity'],
  ['null', null, 'got null'],
  ['undefined', undefined, 'got undefined'],
  ['true', true, 'got boolean'],
  ['false', false, 'got boolean'],
  ['object', { value: 1 }, 'got an object'],
  ['array', ['1'], 'got an array'],
  ['a Decimal instance (objects are not inputs)', new Dec(1), 'got an object'],
  ['symbol', Symbol('x'), 'got symbol'],
  ['function', () => 1, 'got function'],
];

describe('parseDecimal', () => {
  it.each(ACCEPTED)('accepts %s', (_label, input, expected) => {
    const value = parseDecimal(input);
    expect(value.toFixed()).toBe(expected);
    expect(value.isNegative() && value.isZero()).toBe(false);
  });

  it.each(REJECTED)('rejects %s', (_label, input, messagePart) => {
    const error = validationErrorOf(() => parseDecimal(input, 'price.unitAmount'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: 'price.unitAmount', code: 'invalid_decimal' });
    expect(error.issues[0]?.message).toContain(messagePart);
  });

  it("reports the default path 'value'", () => {
    const error = validationErrorOf(() => parseDecimal('x'));
    expect(error.issues[0]?.path).toBe('value');
  });

  it('quotes a long bad string only in part', () => {
    const error = validationErrorOf(() => parseDecimal(`${'9'.repeat(100)}x`));
    expect(error.issues[0]?.message).toContain('…');
    expect(error.issues[0]?.message.length).toBeLessThan(250);
  });

  it('returns a value of the private clone', () => {
    expect(parseDecimal('1')).toBeInstanceOf(Dec);
    expect(parseDecimal(0)).toBe(ZERO);
  });
});

describe('tryParseDecimal', () => {
  it.each(ACCEPTED)('accepts %s', (_label, input, expected) => {
    expect(tryParseDecimal(input)?.toFixed()).toBe(expected);
  });

  it.each(REJECTED)('returns undefined for %s', (_label, input) => {
    expect(tryParseDecimal(input)).toBeUndefined();
  });
});

describe('isDecimalString', () => {
  it.each([
    ['0', true],
    ['-0', true],
    ['12', true],
    ['-12.50', true],
    ['0.000125', true],
    ['1e5', false],
    ['abc', false],
    ['', false],
    [' 1', false],
    ['1,5', false],
    ['+1', false],
    ['.5', false],
    ['1.', false],
    ['1.2.3', false],
  ] as const)('isDecimalString(%j) is %s', (input, expected) => {
    expect(isDecimalString(input)).toBe(expected);
  });
});

describe('parseNonNegativeDecimal', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['0.5', '0.5'],
    [7, '7'],
  ] as const)('accepts %j', (input, expected) => {
    expect(parseNonNegativeDecimal(input, 'quantity').toFixed()).toBe(expected);
  });

  it.each([['-0.01'], [-1], [-1n]] as const)('rejects %s with code negative', (input) => {
    const error = validationErrorOf(() => parseNonNegativeDecimal(input, 'quantity'));
    expect(error.issues).toEqual([
      { path: 'quantity', code: 'negative', message: expect.stringContaining('negative') as unknown as string },
    ]);
  });

  it('still rejects non-decimals with invalid_decimal', () => {
    const error = validationErrorOf(() => parseNonNegativeDecimal('1e5', 'quantity'));
    expect(error.issues[0]?.code).toBe('invalid_decimal');
  });
});
