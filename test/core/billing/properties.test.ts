import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subscriptionLines } from '../../../src/core/billing';
import type { RateCard } from '../../../src/core/catalog';
import { subscriptionTimeline, type TimelinePlan } from '../../../src/core/subscriptions';

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
/** Plan cadence → item cadences that align with it (SB15). */
const ALIGNED: Record<string, string[]> = { P1M: ['P1M', 'P1D', 'P3M', 'P1Y'], P1Y: ['P1Y', 'P1M', 'P3M'], P1W: ['P1W', 'P1D'] };
const DAY = 86_400_000;
const MIN = Date.UTC(2020, 0, 1);

const card = (key: string, cadence: string | null, kind: 'advance' | 'arrears' | 'usage'): RateCard =>
  kind === 'usage' && cadence !== null
    ? { key, type: 'usage_based', feature: 'f', billingCadence: cadence, price: { type: 'unit', amount: 1 } }
    : { key, type: 'flat_fee', billingCadence: cadence, price: { type: 'flat', amount: 1, paymentTerm: kind === 'arrears' ? 'in_arrears' : 'in_advance' } };

const subscriptionArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    planCadence: fc.constantFrom('P1M', 'P1Y', 'P1W'),
    itemPick: fc.nat(3),
    kind: fc.constantFrom('advance' as const, 'arrears' as const, 'usage' as const),
    oneTime: fc.boolean(),
    trial: fc.constantFrom(null, 'P14D', 'P1M'),
    activeFrom: fc.integer({ min: MIN, max: MIN + 2000 * DAY }),
    anchorOffset: fc.integer({ min: -400 * DAY, max: 400 * DAY }),
    length: fc.integer({ min: DAY, max: 500 * DAY }),
    open: fc.boolean(),
    cut: fc.integer({ min: 0, max: 600 * DAY }),
  })
  .map((r) => {
    const choices = ALIGNED[r.planCadence] ?? ['P1M'];
    const itemCadence = r.oneTime ? null : (choices[r.itemPick % choices.length] ?? 'P1M');
    const cards = [card('item', itemCadence, r.kind)];
    const plan: TimelinePlan = {
      currency: 'USD',
      billingCadence: r.planCadence,
      phases: r.trial === null ? [{ key: 'only', rateCards: cards }] : [{ key: 'trial', duration: r.trial, rateCards: cards }, { key: 'main', rateCards: cards }],
    };
    const activeFrom = new Date(r.activeFrom);
    const end = r.activeFrom + r.length;
    return {
      timeline: subscriptionTimeline({
        plan,
        activeFrom,
        billingAnchor: new Date(r.activeFrom + r.anchorOffset),
        timeZone: r.timeZone,
        activeTo: r.open ? null : new Date(end),
        to: new Date(end),
      }),
      from: activeFrom,
      to: new Date(end + 400 * DAY),
      cut: new Date(Math.min(r.activeFrom + r.cut, end + 400 * DAY)),
      recurring: itemCadence !== null,
    };
  });

describe('subscriptionLines properties', () => {
  it('billing a range in two pieces gives the same lines as billing it whole (runs at any time agree)', () => {
    fc.assert(
      fc.property(subscriptionArb, ({ timeline, from, to, cut }) => {
        const whole = subscriptionLines(timeline, { from, to }).map((l) => l.key);
        const split = [...subscriptionLines(timeline, { from, to: cut }), ...subscriptionLines(timeline, { from: cut, to })].map((l) => l.key);
        expect(split.sort()).toEqual([...whole].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('keys are unique; a recurring item’s service periods tile each version without gaps or overlaps', () => {
    fc.assert(
      fc.property(subscriptionArb, ({ timeline, from, to, recurring }) => {
        const lines = subscriptionLines(timeline, { from, to });
        expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
        for (const line of lines) {
          expect(line.invoiceAt.getTime()).toBeGreaterThanOrEqual(line.servicePeriod.from.getTime());
          expect(line.servicePeriod.from.getTime()).toBeLessThan(line.servicePeriod.to.getTime());
          expect(line.billingPeriod.from.getTime()).toBeLessThanOrEqual(line.servicePeriod.from.getTime());
        }
        if (!recurring) return;
        for (const phase of timeline.phases) {
          for (const item of phase.items) {
            const mine = lines
              .filter((l) => l.subscription.phase === phase.key && l.subscription.version === item.version)
              .sort((a, b) => (a.subscription.periodIndex ?? 0) - (b.subscription.periodIndex ?? 0));
            if (mine.length === 0 || item.to === null) continue;
            // every line due by `to` is listed: the covered span starts at the item start, with indexes 0, 1, 2, …
            expect(mine[0]?.servicePeriod.from).toEqual(item.from);
            mine.forEach((l, i) => {
              expect(l.subscription.periodIndex).toBe(i);
              const next = mine[i + 1];
              if (next) expect(next.servicePeriod.from).toEqual(l.servicePeriod.to);
            });
            if (to.getTime() > item.to.getTime() + 400 * DAY) expect(mine[mine.length - 1]?.servicePeriod.to).toEqual(item.to);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
