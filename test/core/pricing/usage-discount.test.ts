import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money';
import { billableByEntry, billableQuantity, discountedRange } from '../../../src/core/pricing/usage-discount';

const d = (v: number | string) => parseDecimal(v);
const s = (values: ReadonlyArray<{ toFixed(): string }>) => values.map((v) => v.toFixed());

describe('usage discount', () => {
  it('takes the free units off the cumulative quantity', () => {
    expect(billableQuantity(d(120), d(100)).toFixed()).toBe('20');
    expect(billableQuantity(d(80), d(100)).toFixed()).toBe('0');
    expect(billableQuantity(d('0.5'), d(0)).toFixed()).toBe('0.5');
  });

  it('is consumed by the pre-line quantity first', () => {
    const { from, to } = discountedRange(d(80), d(50), d(100));
    expect([from.toFixed(), to.toFixed()]).toEqual(['0', '30']);
    const later = discountedRange(d(130), d(10), d(100));
    expect([later.from.toFixed(), later.to.toFixed()]).toEqual(['30', '40']);
  });

  it('is consumed across matrix entries in their order', () => {
    expect(s(billableByEntry([d(30), d(50)], d(40)))).toEqual(['0', '40']);
    expect(s(billableByEntry([d(30), d(50)], d(0)))).toEqual(['30', '50']);
    expect(s(billableByEntry([d(30), d(50)], d(100)))).toEqual(['0', '0']);
  });
});
