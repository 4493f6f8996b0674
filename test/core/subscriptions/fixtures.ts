import type { RateCard } from '../../../src/core/catalog';
import type { TimelinePlan } from '../../../src/core/subscriptions';

/** The plans of BILLING.md §3, as far as a timeline needs them. */
export const platform = (amount: string): RateCard => ({
  key: 'platform',
  type: 'flat_fee',
  price: { type: 'flat', amount },
  billingCadence: 'P1M',
});
export const api = (amount: string): RateCard => ({
  key: 'api',
  type: 'usage_based',
  feature: 'api_calls',
  price: { type: 'unit', amount },
  billingCadence: 'P1M',
});

export const pro: TimelinePlan = {
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [{ key: 'default', rateCards: [platform('30'), api('0.01')] }],
};

export const launch: TimelinePlan = {
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'intro', name: 'Intro', duration: 'P2M', rateCards: [platform('15'), api('0.01')] },
    { key: 'default', rateCards: [platform('30'), api('0.01')] },
  ],
};

export const trial: TimelinePlan = {
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'trial', duration: 'P14D', rateCards: [{ key: 'api', type: 'flat_fee', feature: 'api_calls', price: null, billingCadence: null }] },
    { key: 'default', rateCards: [platform('30'), api('0.01')] },
  ],
};

/** `YYYY-MM-DD` or a full ISO instant → Date. */
export const d = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

/** Periods as `[from, to)` ISO strings, for compact expectations. */
export const spans = (list: ReadonlyArray<{ from: Date; to: Date | null }>): string[] =>
  list.map((p) => `${p.from.toISOString()} ${p.to === null ? 'open' : p.to.toISOString()}`);

export const span = (from: string, to: string | null): string => `${d(from).toISOString()} ${to === null ? 'open' : d(to).toISOString()}`;
