import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money';
import { creditsApplied } from '../../../src/core/invoice/credits';
import { decimalToMinorUnits, formatMinorUnits } from '../../../src/core/pricing/minor-units';

const usd = { precision: 2, rounding: 'half_up' } as const;
const applied = (total: string, credits: string[]) =>
  formatMinorUnits(creditsApplied(decimalToMinorUnits(parseDecimal(total), 2), credits.map((c) => parseDecimal(c)), usd), 2);

describe('creditsApplied', () => {
  it('applies credits in order up to the total', () => {
    expect(applied('100', ['10', '5'])).toBe('15.00');
    expect(applied('50', ['30', '40'])).toBe('50.00');
    expect(applied('0', ['30'])).toBe('0.00');
    expect(applied('50', [])).toBe('0.00');
  });

  it('rounds each credit to the minor units', () => {
    expect(applied('100', ['0.005', '0.005'])).toBe('0.02');
  });
});
