import fc from 'fast-check';
import { parseDecimal } from '../../../src/core/money';
import type { Price } from '../../../src/core/pricing';

/** A decimal string with exactly `places` fraction digits, from an integer count of its last digit. */
export function decimalString(units: number, places: number): string {
  if (places === 0) return String(units);
  const digits = String(units).padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A non-negative decimal string with at most `places` decimals, up to `max` whole units. */
export const decimalArb = (places: number, max = 1000): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: max * 10 ** places }).map((units) => decimalString(units, places));

/** Sorted distinct tier bounds and the tiers of a tiered price (amounts with `places` decimals). */
export const tiersArb = (places: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 0, maxLength: 4 }),
      fc.array(fc.tuple(decimalArb(places, 5), fc.option(decimalArb(places, 20), { nil: undefined })), { minLength: 5, maxLength: 5 }),
    )
    .map(([bounds, amounts]) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      return [...sorted, undefined].map((upTo, i) => {
        const [unitAmount, flatAmount] = amounts[i] ?? ['0', undefined];
        return {
          ...(upTo === undefined ? {} : { upTo }),
          unitAmount,
          ...(flatAmount === undefined ? {} : { flatAmount }),
        };
      });
    });

/** Optional spend limits with `places` decimals, minimum ≤ maximum. */
export const limitsArb = (places: number) =>
  fc
    .record({ min: fc.option(decimalArb(places, 300), { nil: undefined }), max: fc.option(decimalArb(places, 300), { nil: undefined }) })
    .map(({ min, max }) => {
      if (min !== undefined && max !== undefined && parseDecimal(min).greaterThan(parseDecimal(max))) [min, max] = [max, min];
      return { ...(min === undefined ? {} : { minimumAmount: min }), ...(max === undefined ? {} : { maximumAmount: max }) };
    });

/**
 * A price of a model that can be billed in parts (unit, package, graduated, dynamic), whose every
 * line is exact in cents for integer quantities: amounts with 2 decimals, an integer multiplier.
 */
export const splittablePriceArb: fc.Arbitrary<Price> = fc
  .tuple(
    fc.oneof(
      decimalArb(2, 5).map((amount) => ({ type: 'unit', amount }) as const),
      fc.tuple(decimalArb(2, 50), fc.integer({ min: 1, max: 100 })).map(([amount, size]) => ({ type: 'package', amount, quantityPerPackage: size }) as const),
      tiersArb(2).map((tiers) => ({ type: 'tiered', mode: 'graduated', tiers }) as const),
      fc.integer({ min: 0, max: 5 }).map((m) => ({ type: 'dynamic', multiplier: m }) as const),
    ),
    limitsArb(2),
  )
  .map(([price, limits]) => ({ ...price, ...limits }) as Price);

/** Any price of any model, with amounts of up to 6 decimals (so that rounding happens). */
export const anyPriceArb: fc.Arbitrary<Price> = fc.oneof(
  decimalArb(6, 5).map((amount) => ({ type: 'unit', amount }) as Price),
  fc.tuple(decimalArb(6, 50), fc.integer({ min: 1, max: 100 })).map(([amount, size]) => ({ type: 'package', amount, quantityPerPackage: size }) as Price),
  fc.tuple(tiersArb(6), fc.constantFrom('graduated', 'volume') as fc.Arbitrary<'graduated' | 'volume'>).map(
    ([tiers, mode]) => ({ type: 'tiered', mode, tiers }) as Price,
  ),
  decimalArb(4, 3).map((multiplier) => ({ type: 'dynamic', multiplier }) as Price),
  decimalArb(6, 100).map((amount) => ({ type: 'flat', amount }) as Price),
);
