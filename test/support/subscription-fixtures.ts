import type { PlanCreateInput, Tollgate } from 'tollgate';

/**
 * The fixtures of BILLING.md §3: a COUNT meter `api_calls` ("N calls" = N events), the feature
 * `api_calls` on it, customer `acme` (USD unless told otherwise) and the plans basic, pro v1, team,
 * launch and trial, all P1M with exact proration. `platform` is a flat in-advance P1M fee, `api` a
 * P1M usage card on api_calls.
 */
export const platform = (amount: string | number) => ({
  key: 'platform',
  type: 'flat_fee' as const,
  price: { type: 'flat' as const, amount: String(amount), paymentTerm: 'in_advance' as const },
  billingCadence: 'P1M',
});

/** The metered template issuing `amount` after each reset (D8). */
export const meteredTemplate = (amount: number) => ({ type: 'metered' as const, issueAfterReset: { amount } });

export const api = (unit: string, issueAfterReset?: number) => ({
  key: 'api',
  type: 'usage_based' as const,
  feature: 'api_calls',
  billingCadence: 'P1M',
  price: { type: 'unit' as const, amount: unit },
  ...(issueAfterReset !== undefined && { entitlementTemplate: meteredTemplate(issueAfterReset) }),
});

const plan = (key: string, name: string, phases: PlanCreateInput['phases']): PlanCreateInput => ({
  key,
  name,
  currency: 'USD',
  billingCadence: 'P1M',
  proRating: { enabled: true, mode: 'exact' },
  phases,
});

/** pro's cards: platform 30, api 0.01 with a metered template issuing 10000. */
export const proCards = () => [platform(30), api('0.01', 10000)];

export const FIXTURE_PLANS: Record<string, () => PlanCreateInput> = {
  basic: () => plan('basic', 'Basic', [{ key: 'default', rateCards: [platform(10), api('0.02', 1000)] }]),
  pro: () => plan('pro', 'Pro', [{ key: 'default', rateCards: proCards() }]),
  team: () =>
    plan('team', 'Team', [
      {
        key: 'default',
        rateCards: [
          platform(49),
          {
            key: 'api',
            type: 'usage_based',
            feature: 'api_calls',
            billingCadence: 'P1M',
            price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: '1000', unitAmount: '0' }, { upTo: '5000', unitAmount: '0.01' }, { unitAmount: '0.005' }] },
          },
        ],
      },
    ]),
  launch: () =>
    plan('launch', 'Launch', [
      { key: 'intro', duration: 'P2M', rateCards: [platform(15), api('0.01', 10000)] },
      { key: 'default', rateCards: proCards() },
    ]),
  trial: () =>
    plan('trial', 'Trial', [
      {
        key: 'trial',
        duration: 'P14D',
        rateCards: [{ key: 'api', type: 'flat_fee', feature: 'api_calls', billingCadence: 'P1M', price: null, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 1000 }, isSoftLimit: false } }],
      },
      { key: 'default', rateCards: proCards() },
    ]),
};

/** Creates and publishes a plan (now), or its next version when the key exists. */
export async function publishPlan(tg: Tollgate, body: PlanCreateInput): Promise<void> {
  const exists = (await tg.plans.list({ key: body.key })).items.length > 0;
  if (exists) {
    await tg.plans.newVersion(body.key);
    const { key: _key, ...rest } = body;
    await tg.plans.update(body.key, rest);
  } else {
    await tg.plans.create(body);
  }
  await tg.plans.publish(body.key);
}

/** The §3 world at the clock's now: meter, feature, customer acme and the five plans. */
export async function billingFixtures(
  tg: Tollgate,
  options: { currency?: string | null; timezone?: string; plans?: readonly string[] } = {},
): Promise<void> {
  await tg.meters.create({ key: 'api_calls', eventType: 'call', aggregation: 'COUNT' });
  await tg.features.create({ key: 'api_calls', meterKey: 'api_calls' });
  const currency = options.currency === undefined ? 'USD' : options.currency;
  await tg.customers.create({ key: 'acme', subjectKeys: ['acme'], ...(currency !== null && { currency }), ...(options.timezone !== undefined && { timezone: options.timezone }) });
  for (const key of options.plans ?? Object.keys(FIXTURE_PLANS)) await publishPlan(tg, FIXTURE_PLANS[key]!());
}

let eventSeq = 0;

/** Ingests `count` api calls of `subject` stamped `time`. */
export async function ingestCalls(tg: Tollgate, count: number, time: Date | string, subject = 'acme'): Promise<void> {
  const at = typeof time === 'string' ? time : time.toISOString();
  const batch = `${Date.now().toString(36)}-${eventSeq++}`;
  const result = await tg.events.ingest(Array.from({ length: count }, (_, i) => ({ id: `${batch}-${i}`, source: 'fixtures', type: 'call', subject, time: at })));
  if (result.accepted !== count) throw new Error(`ingest of ${count} calls at ${at}: ${JSON.stringify(result.rejected[0] ?? result)}`);
}
