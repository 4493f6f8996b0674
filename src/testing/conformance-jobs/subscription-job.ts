import { createTollgate } from '../../client';
import { ConflictError, StateError } from '../../errors';
import type { Storage } from '../../storage';
import type { ConformanceJobResult, SubscriptionsConformanceJob } from '../../storage/conformance';

/** Subscriptions start at SETUP; every worker acts at NOW, inside their first billing period. */
const SETUP = new Date('2024-01-01T00:00:00Z');
const NOW = new Date('2024-01-20T00:00:00Z');
const FEB_1 = Date.parse('2024-02-01T00:00:00Z');
const fixed = (at: Date) => ({ now: () => new Date(at) });
const customerKey = (s: number): string => `sub-customer-${s}`;

const plan = (key: string, platform: string, allowance: number) => ({
  key,
  name: key,
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    {
      key: 'default',
      rateCards: [
        { key: 'platform', type: 'flat_fee', billingCadence: 'P1M', price: { type: 'flat', amount: platform } },
        {
          key: 'api',
          type: 'usage_based',
          feature: 'sub_calls',
          billingCadence: 'P1M',
          price: { type: 'unit', amount: '0.01' },
          entitlementTemplate: { type: 'metered', issueAfterReset: { amount: allowance } },
        },
      ],
    },
  ],
});

/** Prepares a subscriptions job: a COUNT meter and feature, plans `basic` and `pro`, one pro subscription per customer from Jan 1. */
export async function setupSubscriptionsJob(storage: Storage, job: SubscriptionsConformanceJob): Promise<void> {
  const tg = createTollgate({ storage, clock: fixed(SETUP) });
  await tg.migrate();
  await tg.meters.create({ key: 'sub_calls', eventType: 'sub.call', aggregation: 'COUNT' });
  await tg.features.create({ key: 'sub_calls', meterKey: 'sub_calls' });
  for (const [key, platform, allowance] of [['basic', '10', 1000], ['pro', '30', 10000]] as const) {
    await tg.plans.create(plan(key, platform, allowance) as never);
    await tg.plans.publish(key);
  }
  for (let s = 0; s < job.subscriptions; s++) {
    await tg.customers.create({ key: customerKey(s), subjectKeys: [customerKey(s)] });
    await tg.subscriptions.create({ customer: customerKey(s), plan: 'pro' });
  }
}

/**
 * One worker's share: for every subscription, even workers change it to `basic` at the next billing
 * cycle, odd ones cancel it there, all at the same instant. `created` counts the actions that won,
 * `conflicts` the typed refusals (`successor_scheduled`, `invalid_transition`), `errors` anything else.
 */
export async function runSubscriptionsJob(storage: Storage, job: SubscriptionsConformanceJob, worker: number): Promise<ConformanceJobResult> {
  const tg = createTollgate({ storage, clock: fixed(NOW) });
  const result: ConformanceJobResult = { created: 0, conflicts: 0, errors: [] };
  for (let s = 0; s < job.subscriptions; s++) {
    try {
      const [sub] = (await tg.subscriptions.list({ customer: customerKey(s), limit: 1 })).items;
      if (sub === undefined) {
        result.errors.push(`no subscription for ${customerKey(s)}`);
        continue;
      }
      if (worker % 2 === 0) await tg.subscriptions.change(sub.id, { plan: 'basic', timing: 'next_billing_cycle' });
      else await tg.subscriptions.cancel(sub.id, { timing: 'next_billing_cycle' });
      result.created++;
    } catch (error) {
      const typed =
        (error instanceof ConflictError && error.reason === 'successor_scheduled') || (error instanceof StateError && error.reason === 'invalid_transition');
      if (typed) result.conflicts++;
      else result.errors.push(String(error));
    }
  }
  return result;
}

/**
 * What the race left: per customer, either a change (the pro subscription ends Feb 1 linked to a
 * scheduled basic one from Feb 1, and the api_calls entitlements end and start there) or a cancel
 * (the pro one ends Feb 1 with no successor, its entitlement too). Anything else is an inconsistency.
 */
export async function subscriptionsJobOutcome(
  storage: Storage,
  job: SubscriptionsConformanceJob,
): Promise<{ changed: number; canceled: number; untouched: number; inconsistencies: string[] }> {
  const tg = createTollgate({ storage, clock: fixed(NOW) });
  const outcome = { changed: 0, canceled: 0, untouched: 0, inconsistencies: [] as string[] };
  for (let s = 0; s < job.subscriptions; s++) {
    const customer = customerKey(s);
    const subs = (await tg.subscriptions.list({ customer })).items;
    const entitlements = (await tg.entitlements.list({ customer, includeDeleted: true })).items;
    const pro = subs.find((x) => x.plan?.key === 'pro');
    const basic = subs.filter((x) => x.plan?.key === 'basic');
    const ends = (d: Date | null) => d?.getTime() === FEB_1;
    if (pro === undefined || !ends(pro.activeTo)) {
      if (pro !== undefined && pro.activeTo === null && basic.length === 0) outcome.untouched++;
      else outcome.inconsistencies.push(`${customer}: pro subscription ${JSON.stringify(pro?.activeTo)}`);
      continue;
    }
    const proEntitlement = entitlements.find((e) => e.subscriptionId === pro.id);
    if (!ends(proEntitlement?.activeTo ?? null)) outcome.inconsistencies.push(`${customer}: pro's entitlement does not end Feb 1`);
    if (basic.length === 0) {
      if (pro.nextSubscriptionId !== null) outcome.inconsistencies.push(`${customer}: canceled but linked to ${pro.nextSubscriptionId}`);
      if (entitlements.length !== 1) outcome.inconsistencies.push(`${customer}: ${entitlements.length} entitlements after a cancel`);
      outcome.canceled++;
      continue;
    }
    const [next] = basic;
    const nextEntitlement = entitlements.find((e) => e.subscriptionId === next?.id);
    if (basic.length !== 1 || next === undefined) outcome.inconsistencies.push(`${customer}: ${basic.length} successors`);
    else if (pro.nextSubscriptionId !== next.id || next.previousSubscriptionId !== pro.id) outcome.inconsistencies.push(`${customer}: successor not linked both ways`);
    else if (next.status !== 'scheduled' || next.activeFrom.getTime() !== FEB_1) outcome.inconsistencies.push(`${customer}: successor ${next.status} from ${next.activeFrom.toISOString()}`);
    if (entitlements.length !== 2 || nextEntitlement?.activeFrom?.getTime() !== FEB_1) outcome.inconsistencies.push(`${customer}: ${entitlements.length} entitlements after a change`);
    outcome.changed++;
  }
  return outcome;
}
