import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_4217_MINOR_UNITS, parseDecimal } from '../../../src/core/money';
import { priceUsage, type Price } from '../../../src/core/pricing';
import { anyPriceArb, decimalArb, limitsArb, splittablePriceArb, tiersArb } from './arbitraries';

const sum = (amounts: readonly string[]) => amounts.reduce((acc, a) => acc.plus(parseDecimal(a)), parseDecimal(0));

/** Money written with exactly the currency's minor units. */
const moneyPattern = (precision: number) => (precision === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${precision}}$`));

describe('pricing properties', () => {
  it('a graduated price never decreases as quantity grows', () => {
    fc.assert(
      fc.property(tiersArb(4), limitsArb(2), decimalArb(2, 600), decimalArb(2, 600), fc.constantFrom('half_up', 'half_even'), (tiers, limits, a, b, rounding) => {
        const price = { type: 'tiered', mode: 'graduated', tiers, ...limits } as Price;
        const [low, high] = parseDecimal(a).lte(parseDecimal(b)) ? [a, b] : [b, a];
        const bill = (quantity: string) => parseDecimal(priceUsage(price, { quantity, currency: 'USD', rounding: rounding as 'half_up' }).amount);
        expect(bill(low).lte(bill(high))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('billing a period in parts equals billing it whole (unit, package, graduated, dynamic; spend limits; usage discount)', () => {
    fc.assert(
      fc.property(
        splittablePriceArb,
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        (price, parts, free) => {
          const total = parts.reduce((a, b) => a + b, 0);
          const options = { currency: 'USD', ...(free === undefined ? {} : { usageDiscount: free }) };
          const whole = priceUsage(price, { quantity: total, ...options }).amount;
          let pre = 0;
          const amounts = parts.map((quantity, i) => {
            const result = priceUsage(price, { quantity, preLinePeriodQuantity: pre, periodStart: i === 0, periodEnd: i === parts.length - 1, ...options });
            pre += quantity;
            return result.amount;
          });
          expect(sum(amounts).toFixed(2)).toBe(whole);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the amount is the sum of the lines, each rounded to the currency', () => {
    const currencies = ['USD', 'JPY', 'BHD', 'CLF'] as const;
    fc.assert(
      fc.property(anyPriceArb, limitsArb(6), decimalArb(3, 700), fc.constantFrom(...currencies), fc.constantFrom('half_up', 'half_even'), (price, limits, quantity, currency, rounding) => {
        const withLimits = (price.type === 'flat' ? price : { ...price, ...limits }) as Price;
        const result = priceUsage(withLimits, { quantity, currency, rounding: rounding as 'half_up' });
        const pattern = moneyPattern(ISO_4217_MINOR_UNITS[currency] ?? 2);
        expect(result.amount).toMatch(pattern);
        for (const line of result.lines) expect(line.amount).toMatch(pattern);
        expect(sum(result.lines.map((l) => l.amount)).equals(parseDecimal(result.amount))).toBe(true);
        expect(parseDecimal(result.amount).isNegative() && !parseDecimal(result.amount).isZero()).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
