/**
 * SaaS plans on subscriptions: a 14-day trial phase, an upgrade in the middle of a month, a cancel
 * at the end of the billing period, and entitlement checks along the way. A TestClock walks
 * through January 2024; with the real clock the same calls run as time passes.
 *   npx tsx examples/saas-plans.ts
 */
import { createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

const clock = new TestClock('2024-01-01T00:00:00Z');
const tg = createTollgate({ clock });
await tg.migrate();

await tg.meters.create({ key: 'api_calls', eventType: 'call', aggregation: 'COUNT' });
await tg.features.create({ key: 'api_calls', meterKey: 'api_calls' });
await tg.features.create({ key: 'sso' });
await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'], currency: 'USD' });

const apiCard = (unit: string, included: number) => ({
  key: 'api', type: 'usage_based' as const, feature: 'api_calls', billingCadence: 'P1M',
  price: { type: 'unit' as const, amount: unit },
  entitlementTemplate: { type: 'metered' as const, issueAfterReset: { amount: included } },
});
const platform = (amount: string) => ({ key: 'platform', type: 'flat_fee' as const, billingCadence: 'P1M', price: { type: 'flat' as const, amount } });

// "starter": a 14-day trial with 1,000 calls, then 10 USD a month with 5,000 calls.
await tg.plans.create({
  key: 'starter', name: 'Starter', currency: 'USD', billingCadence: 'P1M',
  phases: [
    { key: 'trial', duration: 'P14D', rateCards: [apiCard('0', 1_000)] },
    { key: 'default', rateCards: [platform('10'), apiCard('0.02', 5_000)] },
  ],
});
await tg.plans.publish('starter');
// "pro": 30 USD a month, 50,000 calls and single sign-on.
await tg.plans.create({
  key: 'pro', name: 'Pro', currency: 'USD', billingCadence: 'P1M',
  phases: [{ key: 'default', rateCards: [platform('30'), apiCard('0.01', 50_000), { key: 'sso', type: 'flat_fee', feature: 'sso', billingCadence: 'P1M', price: null, entitlementTemplate: { type: 'boolean' } }] }],
});
await tg.plans.publish('pro');

const calls = async (n: number, at: string) => {
  await tg.events.ingest(Array.from({ length: n }, (_, i) => ({ id: `${at}-${i}`, source: 'gateway', type: 'call', subject: 'acme-prod', time: at })));
};
const show = async (label: string) => {
  const api = await tg.entitlements.check('acme', 'api_calls');
  const sso = await tg.entitlements.check('acme', 'sso');
  console.log(`${label.padEnd(34)} api ${api.hasAccess ? `balance ${api.balance}` : `denied (${api.reason})`}, sso ${sso.hasAccess ? 'yes' : `no (${sso.reason})`}`);
};

// Jan 1: the trial starts; the billing anchor is the start, so periods run 1st to 1st.
const trial = await tg.subscriptions.create({ customer: 'acme', plan: 'starter' });
console.log(`subscribed: ${trial.plan?.key} v${trial.plan?.version}, phase ${trial.currentPhase}, period ${trial.currentPeriod?.from.toISOString()} → ${trial.currentPeriod?.to.toISOString()}`);
await calls(800, '2024-01-10T12:00:00Z');
clock.set('2024-01-10T13:00:00Z');
await show('Jan 10, trial, 800 calls:');
const asked = await tg.entitlements.check('acme', 'api_calls', { quantity: 300 });
console.log(`  a job needing 300 more calls:    ${asked.hasAccess ? 'allowed' : `refused (${asked.reason})`}`);

// Jan 15: the trial phase ended on its own (no job, no timer): the default phase's allowance applies.
clock.set('2024-01-15T09:00:00Z');
const onDefault = await tg.subscriptions.get(trial.id);
console.log(`Jan 15: phase ${onDefault.currentPhase}, billing period ${onDefault.currentPeriod?.from.toISOString()} → ${onDefault.currentPeriod?.to.toISOString()}`);
await show('Jan 15, default phase:');

// Jan 16: upgrade now. The starter subscription ends, a linked pro one starts, same anchor.
await calls(1_200, '2024-01-16T08:00:00Z');
clock.set('2024-01-16T10:00:00Z');
const { current, next } = await tg.subscriptions.change(trial.id, { plan: 'pro', timing: 'immediate' });
console.log(`upgraded: starter ${current.status} at ${current.activeTo?.toISOString()}, pro ${next.status} from ${next.activeFrom.toISOString()}`);
await show('Jan 16, on pro:');

// Jan 20: cancel at the end of the billing period: still served until Feb 1.
clock.set('2024-01-20T00:00:00Z');
const canceled = await tg.subscriptions.cancel(next.id, { timing: 'next_billing_cycle' });
console.log(`canceled: ${canceled.status}, ends ${canceled.activeTo?.toISOString()}`);
clock.set('2024-01-31T23:59:00Z');
await show('Jan 31 23:59, still on pro:');
clock.set('2024-02-01T00:00:00Z');
await show('Feb 1, after the cancel:');

const history = await tg.subscriptions.list({ customer: 'acme' });
console.log(`acme's subscriptions: ${history.items.map((s) => `${s.plan?.key} (${s.status})`).join(', ')}`);
await tg.close();
