import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateInvoice, type CouponInput, type RateCard } from '../../../src/core/invoice';
import { ISO_4217_MINOR_UNITS, parseDecimal, type Decimal } from '../../../src/core/money';
import { anyPriceArb, decimalArb, limitsArb } from '../pricing/arbitraries';

const jan = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' };
const sum = (values: readonly string[]): Decimal => values.reduce((acc, v) => acc.plus(parseDecimal(v)), parseDecimal(0));
const taxArb = fc.option(
  fc.record({ rate: decimalArb(3, 1), behavior: fc.constantFrom('exclusive', 'inclusive') as fc.Arbitrary<'exclusive' | 'inclusive'> }),
  { nil: undefined },
);

const rateCardArb: fc.Arbitrary<RateCard> = fc
  .tuple(anyPriceArb, limitsArb(4), fc.option(decimalArb(2, 100), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), taxArb)
  .map(([price, limits, percentage, free, taxConfig]) => {
    const common = {
      ...(percentage === undefined ? {} : { discounts: { percentage, ...(price.type === 'flat' || free === undefined ? {} : { usage: free }) } }),
      ...(taxConfig === undefined ? {} : { taxConfig }),
    };
    return price.type === 'flat'
      ? ({ key: 'fee', type: 'flat_fee', price, billingCadence: 'P1M', ...common } as RateCard)
      : ({ key: 'usage', type: 'usage_based', feature: 'f', billingCadence: 'P1M', price: { ...price, ...limits }, ...common } as RateCard);
  });

const lineArb = fc.record({
  rateCard: rateCardArb,
  quantity: decimalArb(2, 800),
  fromDay: fc.integer({ min: 1, max: 30 }),
});

const couponArb: fc.Arbitrary<CouponInput> = fc.oneof(
  fc.record({ key: fc.constant('P'), percentage: decimalArb(1, 100) }),
  fc.record({ key: fc.constant('A'), amount: decimalArb(3, 300) }),
);

const invoiceArb = fc.record({
  currency: fc.constantFrom('USD', 'JPY', 'BHD', 'CLF'),
  rounding: fc.constantFrom('half_up', 'half_even') as fc.Arbitrary<'half_up' | 'half_even'>,
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  coupons: fc.array(couponArb, { maxLength: 2 }),
  credits: fc.array(fc.record({ amount: decimalArb(2, 500) }), { maxLength: 3 }),
  taxConfig: taxArb,
  mode: fc.constantFrom('exact', 'day') as fc.Arbitrary<'exact' | 'day'>,
});

type GeneratedInvoice = typeof invoiceArb extends fc.Arbitrary<infer T> ? T : never;

function simulate(input: GeneratedInvoice) {
  return simulateInvoice({
    currency: input.currency,
    rounding: input.rounding,
    proRating: { enabled: true, mode: input.mode },
    lines: input.lines.map((line) => ({
      rateCard: line.rateCard,
      quantity: line.quantity,
      period: { from: `2024-01-${String(line.fromDay).padStart(2, '0')}T06:00:00Z`, to: jan.to },
      fullPeriod: jan,
    })),
    coupons: input.coupons,
    credits: input.credits,
    ...(input.taxConfig === undefined ? {} : { taxConfig: input.taxConfig }),
  });
}

describe('invoice properties', () => {
  it('totals are the sums of the lines; each line adds up; amountDue is never negative', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const invoice = simulate(input);
        const { totals, lines } = invoice;
        expect(sum(lines.map((l) => l.amount)).equals(parseDecimal(totals.amount))).toBe(true);
        expect(sum(lines.map((l) => l.discountsTotal)).equals(parseDecimal(totals.discountsTotal))).toBe(true);
        expect(sum(lines.map((l) => l.taxesTotal)).equals(parseDecimal(totals.taxesTotal))).toBe(true);
        expect(sum(lines.map((l) => l.total)).equals(parseDecimal(totals.total))).toBe(true);
        const inclusive = sum(lines.filter((l) => l.tax?.behavior === 'inclusive').map((l) => l.taxesTotal));
        const exclusive = sum(lines.filter((l) => l.tax?.behavior === 'exclusive').map((l) => l.taxesTotal));
        expect(inclusive.equals(parseDecimal(totals.taxesInclusiveTotal))).toBe(true);
        expect(exclusive.equals(parseDecimal(totals.taxesExclusiveTotal))).toBe(true);
        for (const line of lines) {
          const charges = sum(line.lines.filter((l) => l.category !== 'discount').map((l) => l.amount));
          const discounts = sum(line.lines.filter((l) => l.category === 'discount').map((l) => l.amount));
          expect(charges.equals(parseDecimal(line.amount))).toBe(true);
          expect(discounts.negated().equals(parseDecimal(line.discountsTotal))).toBe(true);
          const exclusiveTax = line.tax?.behavior === 'exclusive' ? parseDecimal(line.taxesTotal) : parseDecimal(0);
          expect(parseDecimal(line.amount).minus(line.discountsTotal).plus(exclusiveTax).equals(parseDecimal(line.total))).toBe(true);
          expect(parseDecimal(line.total).isNegative() && !parseDecimal(line.total).isZero()).toBe(false);
        }
        const precision = ISO_4217_MINOR_UNITS[input.currency] ?? 2;
        const mode = input.rounding === 'half_even' ? 6 : 4; // decimal.js ROUND_HALF_EVEN / ROUND_HALF_UP
        const credits = input.credits.reduce((acc, c) => acc.plus(parseDecimal(c.amount).toDecimalPlaces(precision, mode)), parseDecimal(0));
        const due = parseDecimal(totals.amountDue);
        expect(due.gte(0)).toBe(true);
        expect(parseDecimal(totals.creditsTotal).lte(credits)).toBe(true);
        expect(parseDecimal(totals.creditsTotal).lte(totals.total)).toBe(true);
        expect(parseDecimal(totals.total).minus(totals.creditsTotal).equals(due)).toBe(true);
      }),
      { numRuns: 250 },
    );
  });

  it('no amount carries more decimals than its currency allows', () => {
    fc.assert(
      fc.property(invoiceArb, (input) => {
        const invoice = simulate(input);
        const precision = ISO_4217_MINOR_UNITS[input.currency] ?? 2;
        const pattern = precision === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${precision}}$`);
        const money = [
          ...Object.values(invoice.totals),
          ...invoice.lines.flatMap((l) => [l.amount, l.discountsTotal, l.taxesTotal, l.total, ...l.lines.map((d) => d.amount), ...(l.tax ? [l.tax.amount] : [])]),
        ];
        for (const amount of money) expect(amount).toMatch(pattern);
      }),
      { numRuns: 250 },
    );
  });
});
