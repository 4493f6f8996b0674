import type { RateCard } from '../../../src/core/catalog';
import type { TimelinePlan } from '../../../src/core/subscriptions';
import { api, d, launch, platform, pro, trial } from '../subscriptions/fixtures';

/** The plans and rate cards of BILLING.md §3 (fixtures at its top), for billing. */
export { api, d, launch, platform, pro, trial };

export const basic: TimelinePlan = { ...pro, phases: [{ key: 'default', rateCards: [platform('10'), api('0.02')] }] };

export const team: TimelinePlan = {
  ...pro,
  phases: [
    {
      key: 'default',
      rateCards: [
        platform('49'),
        {
          key: 'api',
          type: 'usage_based',
          feature: 'api_calls',
          billingCadence: 'P1M',
          price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 1000, unitAmount: 0 }, { upTo: 5000, unitAmount: '0.01' }, { unitAmount: '0.005' }] },
        },
      ],
    },
  ],
};

/** S18: a one-time setup fee. */
export const setup = (paymentTerm: 'in_advance' | 'in_arrears' = 'in_advance'): RateCard => ({
  key: 'setup',
  type: 'flat_fee',
  price: { type: 'flat', amount: 100, paymentTerm },
  billingCadence: null,
});
/** S19: annual support, in advance. */
export const support: RateCard = { key: 'support', type: 'flat_fee', price: { type: 'flat', amount: 1200 }, billingCadence: 'P1Y' };
/** S20: daily storage, in arrears. */
export const storage: RateCard = {
  key: 'storage',
  type: 'flat_fee',
  price: { type: 'flat', amount: 1, paymentTerm: 'in_arrears' },
  billingCadence: 'P1D',
};
/** S21: quarterly audit, in arrears. */
export const audit: RateCard = {
  key: 'audit',
  type: 'flat_fee',
  price: { type: 'flat', amount: 9, paymentTerm: 'in_arrears' },
  billingCadence: 'P3M',
};

/** `plan` with `cards` added to every phase. */
export const withCards = (plan: TimelinePlan, ...cards: RateCard[]): TimelinePlan => ({
  ...plan,
  phases: plan.phases.map((p) => ({ ...p, rateCards: [...p.rateCards, ...cards] })),
});

/** `YYYY-MM-DD` of a Date, or the full ISO string when not midnight UTC. */
export const day = (date: Date): string => {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
};

/** A line in one compact string: `key [from, to) @invoiceAt`. */
export const brief = (line: { key: string; servicePeriod: { from: Date; to: Date }; invoiceAt: Date }): string =>
  `${line.key} [${day(line.servicePeriod.from)}, ${day(line.servicePeriod.to)}) @${day(line.invoiceAt)}`;
