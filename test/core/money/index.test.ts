import { describe, it, expect } from 'vitest';
import * as money from '../../../src/core/money';

describe('money barrel', () => {
  it('exports the whole money API by name', () => {
    expect(Object.keys(money).sort()).toEqual(
      [
        'CURRENCY_CODE_PATTERN',
        'CurrencyRegistry',
        'Dec',
        'ISO_4217_MINOR_UNITS',
        'MAX_CURRENCY_PRECISION',
        'ONE',
        'ROUNDING_MODES',
        'ZERO',
        'allocateByLargestRemainder',
        'formatDecimal',
        'formatMoney',
        'isDecimal',
        'isDecimalString',
        'parseDecimal',
        'parseNonNegativeDecimal',
        'roundAmount',
        'splitEvenly',
        'tryParseDecimal',
      ].sort(),
    );
  });

  it('wires parse, round, allocate and format together', () => {
    const registry = new money.CurrencyRegistry({ CREDITS: { precision: 4 } });
    const precision = registry.precision('USD');
    const amount = money.roundAmount(money.parseDecimal('10.005'), precision);
    const parts = money.allocateByLargestRemainder(amount, [money.ONE, money.ONE, money.ONE], precision);
    expect(parts.map((p) => money.formatMoney(p, precision))).toEqual(['3.34', '3.34', '3.33']);
    expect(money.formatMoney(money.roundAmount(money.parseDecimal('0.00005'), registry.precision('CREDITS')), 4)).toBe(
      '0.0001',
    );
  });
});
