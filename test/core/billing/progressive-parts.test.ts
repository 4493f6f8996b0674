import { describe, expect, it } from 'vitest';
import { isSplittable, partLineInput, progressivePart, subscriptionLines, type BilledPart, type SplittableLine } from '../../../src/core/billing';
import type { RateCard } from '../../../src/core/catalog';
import { simulateInvoice } from '../../../src/core/invoice';
import { subscriptionTimeline, type TimelinePlan } from '../../../src/core/subscriptions';
import { ValidationError } from '../../../src/errors';
import { d, day, pro, team } from './fixtures';

/** The January api line of `plan` created Jan 1 (its usage line due Feb 1). */
const apiLine = (plan: TimelinePlan, key = 'api'): SplittableLine => {
  const timeline = subscriptionTimeline({ plan, activeFrom: '2024-01-01', to: '2024-02-02' });
  const line = subscriptionLines(timeline, { from: '2024-02-01', to: '2024-02-02', subscriptionId: 'sub_1' }).find((l) => l.rateCardKey === key);
  if (line === undefined) throw new Error('no api line');
  return line;
};

const usage = (key: string, price: RateCard['price']): RateCard => ({ key, type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price } as RateCard);
const withApi = (card: RateCard): TimelinePlan => ({ ...pro, phases: [{ key: 'default', rateCards: [card] }] });

/** The amount a part bills, through the calculator. */
const amount = (line: SplittableLine, billed: readonly BilledPart[], asOf: string, meteredQuantity: number): string | null => {
  const part = progressivePart({ line, billed, asOf, meteredQuantity });
  return part === null ? null : simulateInvoice({ currency: 'USD', lines: [partLineInput(line, part)] }).totals.total;
};

describe('progressivePart (PB1–PB4, §5.7)', () => {
  const team0 = apiLine(team);

  it.each([
    // [case, billed, asOf, metered, expected `key [from, to) @invoiceAt pre qty start end` or null]
    ['first part: [line start, asOf) at asOf', [], '2024-01-15', 3000, 'sub_1/default/api/v0/p0/s0 [2024-01-01, 2024-01-15) @2024-01-15 pre 0 qty 3000 start end=false'],
    ['second mid part: from the last part end, pre = Σ billed', [{ end: '2024-01-10', quantity: 1000 }, { end: '2024-01-15', quantity: 2000 }], '2024-01-20', 4500, 'sub_1/default/api/v0/p0/s2 [2024-01-15, 2024-01-20) @2024-01-20 pre 3000 qty 1500 start=false end=false'],
    ['the rest: the last part at the line invoiceAt', [{ end: '2024-01-15', quantity: 3000 }], '2024-02-01', 8000, 'sub_1/default/api/v0/p0/s1 [2024-01-15, 2024-02-01) @2024-02-01 pre 3000 qty 5000 start=false end'],
    ['the rest asked after the line end still ends at the line end', [{ end: '2024-01-15', quantity: 3000 }], '2024-02-05', 8000, 'sub_1/default/api/v0/p0/s1 [2024-01-15, 2024-02-01) @2024-02-01 pre 3000 qty 5000 start=false end'],
    ['a line never split is billed whole: no /s', [], '2024-02-01', 8000, 'sub_1/default/api/v0/p0 [2024-01-01, 2024-02-01) @2024-02-01 pre 0 qty 8000 start end'],
    ['a later part after parts without usage does not start the period', [{ end: '2024-01-10', quantity: 0 }], '2024-01-15', 0, 'sub_1/default/api/v0/p0/s1 [2024-01-10, 2024-01-15) @2024-01-15 pre 0 qty 0 start=false end=false'],
    ['fewer events than billed (deleted): quantity 0, never negative', [{ end: '2024-01-15', quantity: 3000 }], '2024-01-20', 2900, 'sub_1/default/api/v0/p0/s1 [2024-01-15, 2024-01-20) @2024-01-20 pre 3000 qty 0 start=false end=false'],
    ['asOf at the line start: nothing', [], '2024-01-01', 0, null],
    ['asOf at the last part end: nothing', [{ end: '2024-01-15', quantity: 3000 }], '2024-01-15', 3000, null],
    ['asOf before the last part end: nothing', [{ end: '2024-01-15', quantity: 3000 }], '2024-01-12', 3000, null],
  ] as const)('%s', (_, billed, asOf, metered, expected) => {
    const part = progressivePart({ line: team0, billed, asOf, meteredQuantity: metered });
    const flag = (name: string, value: boolean) => (value ? name : `${name}=false`);
    expect(
      part === null
        ? null
        : `${part.key} [${day(part.servicePeriod.from)}, ${day(part.servicePeriod.to)}) @${day(part.invoiceAt)} pre ${part.preLinePeriodQuantity} qty ${part.quantity} ${flag('start', part.periodStart)} ${flag('end', part.periodEnd)}`,
    ).toEqual(expected);
  });

  it('S38: 20.00 at Jan 15, then 35.00 at Feb 1; unsplit 55.00 = 20.00 + 35.00', () => {
    expect(amount(team0, [], '2024-01-15', 3000)).toBe('20.00');
    expect(amount(team0, [{ end: '2024-01-15', quantity: 3000 }], '2024-02-01', 8000)).toBe('35.00');
    expect(amount(team0, [], '2024-02-01', 8000)).toBe('55.00');
  });

  it('S39: a late event stamped Jan 14 (in …/s0’s window) is billed by …/s1: 5001 → 35.01', () => {
    const part = progressivePart({ line: team0, billed: [{ end: '2024-01-15', quantity: 3000 }], asOf: '2024-02-01', meteredQuantity: 8001 });
    expect([part?.key, part?.preLinePeriodQuantity, part?.quantity]).toEqual(['sub_1/default/api/v0/p0/s1', '3000', '5001']);
    expect(amount(team0, [{ end: '2024-01-15', quantity: 3000 }], '2024-02-01', 8001)).toBe('35.01');
  });

  it('S41 (PB3): unit 0.01, minimum 50: …/s0 1000 → 10.00 (no commitment); last part 1500 → 15.00 + 25.00 = 40.00', () => {
    const line = apiLine(withApi(usage('api', { type: 'unit', amount: '0.01', minimumAmount: 50 } as RateCard['price'])));
    expect(amount(line, [], '2024-01-15', 1000)).toBe('10.00');
    expect(amount(line, [{ end: '2024-01-15', quantity: 1000 }], '2024-02-01', 2500)).toBe('40.00');
  });

  it('PB3: the first tier’s flat amount is paid by the first part only; maximum spend counts earlier parts', () => {
    const flatTier = apiLine(withApi(usage('api', { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 1000, unitAmount: '0.01', flatAmount: 5 }, { unitAmount: '0.005' }] } as RateCard['price'])));
    expect(amount(flatTier, [], '2024-01-15', 500)).toBe('10.00'); // 5 + 5
    expect(amount(flatTier, [{ end: '2024-01-15', quantity: 500 }], '2024-02-01', 1500)).toBe('7.50'); // 500 × 0.01 + 500 × 0.005
    const capped = apiLine(withApi(usage('api', { type: 'unit', amount: '0.01', maximumAmount: 30 } as RateCard['price'])));
    expect(amount(capped, [], '2024-01-15', 2500)).toBe('25.00');
    expect(amount(capped, [{ end: '2024-01-15', quantity: 2500 }], '2024-02-01', 5000)).toBe('5.00'); // 30 − 25
  });

  it('S41 (PB4): a volume price gets no part mid-period, and is billed whole at its end', () => {
    const volume = apiLine(withApi(usage('api', { type: 'tiered', mode: 'volume', tiers: [{ upTo: 1000, unitAmount: '0.02' }, { unitAmount: '0.01' }] } as RateCard['price'])));
    expect(progressivePart({ line: volume, billed: [], asOf: '2024-01-15', meteredQuantity: 1000 })).toBeNull();
    expect(progressivePart({ line: volume, billed: [], asOf: '2024-02-01', meteredQuantity: 2500 })?.key).toBe('sub_1/default/api/v0/p0');
    expect(amount(volume, [], '2024-02-01', 2500)).toBe('25.00');
  });

  it('BL7: a prorated minimum settled by the last part uses the line’s service ÷ full period, not the part’s', () => {
    const plan = withApi(usage('api', { type: 'unit', amount: '0.01', minimumAmount: 31 } as RateCard['price']));
    const timeline = subscriptionTimeline({ plan, activeFrom: '2024-01-22', billingAnchor: '2024-01-01', to: '2024-02-02' });
    const line = subscriptionLines(timeline, { from: '2024-02-01', to: '2024-02-02' })[0]!;
    expect(amount(line, [], '2024-01-25', 100)).toBe('1.00');
    expect(amount(line, [{ end: '2024-01-25', quantity: 100 }], '2024-02-01', 400)).toBe('9.00'); // 3.00 + (10.00 − 4.00): S42's 10.00 in total
  });

  it.each([
    // [case, card, aggregation, splittable]
    ['unit price', usage('api', { type: 'unit', amount: '0.01' } as RateCard['price']), undefined, true],
    ['graduated price, SUM meter', usage('api', { type: 'tiered', mode: 'graduated', tiers: [{ unitAmount: 1 }] } as RateCard['price']), 'SUM', true],
    ['volume price (PB4)', usage('api', { type: 'tiered', mode: 'volume', tiers: [{ unitAmount: 1 }] } as RateCard['price']), undefined, false],
    ['AVG meter (PB4)', usage('api', { type: 'unit', amount: 1 } as RateCard['price']), 'AVG', false],
    ['MIN meter (PB4)', usage('api', { type: 'unit', amount: 1 } as RateCard['price']), 'MIN', false],
    ['MAX meter (PB4)', usage('api', { type: 'unit', amount: 1 } as RateCard['price']), 'MAX', false],
    ['flat fee (in-arrears flat lines are not split)', { key: 'f', type: 'flat_fee', billingCadence: 'P1M', price: { type: 'flat', amount: 1, paymentTerm: 'in_arrears' } } as RateCard, undefined, false],
  ] as const)('isSplittable: %s', (_, card, aggregation, expected) => {
    expect(isSplittable(card, aggregation)).toBe(expected);
  });

  it('AVG/MIN/MAX meters and flat lines get no mid-period part', () => {
    expect(progressivePart({ line: team0, billed: [], asOf: '2024-01-15', meteredQuantity: 5, aggregation: 'MAX' })).toBeNull();
    const flat = subscriptionLines(subscriptionTimeline({ plan: team, activeFrom: '2024-01-01', to: '2024-01-02' }), { from: '2024-01-01', to: '2024-01-02' })[0]!;
    expect(progressivePart({ line: flat, billed: [], asOf: '2024-01-15', meteredQuantity: 0 })).toBeNull();
  });

  it.each([
    ['a part ending after the line', [{ end: '2024-02-05', quantity: 1 }], 'billed[0].end'],
    ['parts out of order', [{ end: '2024-01-15', quantity: 1 }, { end: '2024-01-10', quantity: 1 }], 'billed[1].end'],
    ['a part ending at the line start', [{ end: '2024-01-01', quantity: 1 }], 'billed[0].end'],
  ] as const)('invalid billed parts → ValidationError invalid_part: %s', (_, billed, path) => {
    expect(() => progressivePart({ line: team0, billed, asOf: '2024-01-20', meteredQuantity: 1 })).toThrow(ValidationError);
    try {
      progressivePart({ line: team0, billed, asOf: '2024-01-20', meteredQuantity: 1 });
    } catch (error) {
      expect((error as ValidationError).issues[0]).toMatchObject({ path, code: 'invalid_part' });
    }
  });

  it('partLineInput passes the line’s periods and the part’s quantities', () => {
    const part = progressivePart({ line: team0, billed: [{ end: d('2024-01-15'), quantity: '3000' }], asOf: '2024-02-01', meteredQuantity: '8000' })!;
    expect(partLineInput(team0, part)).toMatchObject({ period: team0.servicePeriod, fullPeriod: team0.fullPeriod, quantity: '5000', preLinePeriodQuantity: '3000', periodStart: false, periodEnd: true });
  });
});
