import { describe, expect, it } from 'vitest';
import { compilePrice, isCompiledPrice, priceUsage, type Price } from '../../../src/core/pricing';
import { issuesOf } from './helpers';

describe('compilePrice', () => {
  const price = {
    type: 'tiered',
    mode: 'graduated',
    tiers: [{ upTo: 1000, unitAmount: '0.01', flatAmount: '5' }, { unitAmount: '0.005' }],
    maximumAmount: 20,
  } satisfies Price;

  it('prices exactly like the price it was compiled from', () => {
    const compiled = compilePrice(price);
    for (const [quantity, pre] of [[0, 0], [1500, 0], [10, 1000], [5000, 100]] as const) {
      expect(priceUsage(compiled, { quantity, preLinePeriodQuantity: pre, currency: 'USD' })).toEqual(
        priceUsage(price, { quantity, preLinePeriodQuantity: pre, currency: 'USD' }),
      );
    }
  });

  it('is immutable and independent of its input', () => {
    const input = structuredClone(price) as { tiers: Array<{ unitAmount?: string }> };
    const compiled = compilePrice(input as unknown as Price);
    (input.tiers[0] as { unitAmount?: string }).unitAmount = '100';
    expect(priceUsage(compiled, { quantity: 10, currency: 'USD' }).amount).toBe('5.10');
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.price)).toBe(true);
    expect(compiled.price).toEqual(price);
  });

  it('is recognised, and compiling it again returns it', () => {
    const compiled = compilePrice(price);
    expect(isCompiledPrice(compiled)).toBe(true);
    expect(isCompiledPrice(price)).toBe(false);
    expect(isCompiledPrice(null)).toBe(false);
    expect(compilePrice(compiled)).toBe(compiled);
  });

  it('throws every problem of an invalid price, under its path', () => {
    expect(issuesOf(() => compilePrice({ type: 'package', amount: -1, quantityPerPackage: 0 }, 'rateCards[1].price'))).toEqual([
      'rateCards[1].price.amount negative',
      'rateCards[1].price.quantityPerPackage not_positive',
    ]);
  });
});
