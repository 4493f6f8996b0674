import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money';
import { lineTax, taxRule } from '../../../src/core/invoice/tax';
import { decimalToMinorUnits, formatMinorUnits } from '../../../src/core/pricing/minor-units';
import type { PricingContext } from '../../../src/core/pricing/pricing-context';

const usd: PricingContext = { precision: 2, rounding: 'half_up' };
const tax = (base: string, rate: string, behavior: 'exclusive' | 'inclusive', ctx = usd) =>
  parseDecimal(formatMinorUnits(lineTax(decimalToMinorUnits(parseDecimal(base), 2), taxRule({ rate, behavior }), ctx), 2)).toFixed();

describe('lineTax', () => {
  it('exclusive: round(base × rate)', () => {
    expect(tax('100', '0.2', 'exclusive')).toBe('20');
    expect(tax('10.05', '0.1', 'exclusive')).toBe('1.01'); // 1.005 → 1.01
    expect(tax('10.05', '0.1', 'exclusive', { precision: 2, rounding: 'half_even' })).toBe('1'); // 1.005 → 1.00
  });

  it('inclusive: round(base × rate ÷ (1 + rate))', () => {
    expect(tax('120', '0.2', 'inclusive')).toBe('20');
    expect(tax('100', '0.2', 'inclusive')).toBe('16.67'); // 16.666…
    expect(tax('0.03', '0.2', 'inclusive')).toBe('0.01'); // 0.005 exactly → half up
    expect(tax('0.03', '0.2', 'inclusive', { precision: 2, rounding: 'half_even' })).toBe('0'); // 0.005 → half even → 0.00
  });

  it('is exact for any rate', () => {
    expect(tax('1000000', '0.0825', 'inclusive')).toBe('76212.47'); // 82500 / 1.0825 = 76212.4711…
    expect(tax('99.99', '1', 'inclusive')).toBe('50'); // 49.995 → 50.00
  });

  it('a zero rate or a zero base is no tax', () => {
    expect(tax('100', '0', 'exclusive')).toBe('0');
    expect(tax('0', '0.2', 'inclusive')).toBe('0');
  });
});
