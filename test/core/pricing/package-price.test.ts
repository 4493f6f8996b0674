import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';
import { packagesFor } from '../../../src/core/pricing/package-price';
import { parseDecimal } from '../../../src/core/money';

const price = { type: 'package', amount: '5', quantityPerPackage: 1000 } as const;
const amount = (quantity: number | string, pre?: number | string) =>
  priceUsage(price, { quantity, currency: 'USD', ...(pre === undefined ? {} : { preLinePeriodQuantity: pre }) }).amount;

describe('package price', () => {
  it('bills ceil(quantity / size) packages, the line quantity being packages', () => {
    expect(priceUsage(price, { quantity: 2500, currency: 'USD' }).lines).toEqual([
      { name: 'Usage (packages of 1000)', quantity: '3', unitAmount: '5', amount: '15.00', category: 'usage' },
    ]);
  });

  it.each([
    [0, '0.00'],
    ['0.001', '5.00'],
    [999, '5.00'],
    [1000, '5.00'],
    [1001, '10.00'],
    [3000, '15.00'],
  ])('%s units → %s', (q, expected) => expect(amount(q)).toBe(expected));

  it('bills only the packages a later part opens', () => {
    expect(amount(600, 2500)).toBe('5.00');
    expect(amount(500, 2100)).toBe('0.00');
    expect(amount(1, 3000)).toBe('5.00');
    expect(amount(2000, 1000)).toBe('10.00');
  });

  it('counts packages exactly, even with a fractional size', () => {
    expect(packagesFor(parseDecimal('1.2'), parseDecimal('0.4')).toFixed()).toBe('3');
    expect(packagesFor(parseDecimal('1.21'), parseDecimal('0.4')).toFixed()).toBe('4');
    expect(packagesFor(parseDecimal('1'), parseDecimal('3')).toFixed()).toBe('1');
    expect(packagesFor(parseDecimal('30000000000000000000000000000000000000000000000000000001'), parseDecimal('3')).toFixed()).toBe(
      '10000000000000000000000000000000000000000000000000000001',
    );
  });
});
