/**
 * API quota: 10,000 requests a month per customer, checked on every request, in process.
 * One plan has a soft limit (requests beyond the quota are allowed and counted as overage), and a
 * customer who runs out buys a one-off top-up grant.
 *   npx tsx examples/api-quota.ts
 */
import { createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

const clock = new TestClock('2024-03-01T00:00:00Z');
const tg = createTollgate({ clock });
await tg.migrate();

// A COUNT meter of API requests, and the feature it measures.
await tg.meters.create({ key: 'api_requests', eventType: 'api.request', aggregation: 'COUNT' });
await tg.features.create({ key: 'api', meterKey: 'api_requests' });

// Two customers: "starter" has a hard quota, "growth" a soft one. Both get 10,000 requests a month.
for (const [key, isSoftLimit] of [['starter-co', false], ['growth-co', true]] as const) {
  await tg.customers.create({ key, subjectKeys: [`${key}-api-key`] });
  await tg.entitlements.create({
    customer: key,
    feature: 'api',
    type: 'metered',
    usagePeriod: { interval: 'P1M', anchor: '2024-03-01T00:00:00Z' },
    issueAfterReset: { amount: 10_000 },
    isSoftLimit,
    thresholds: [{ type: 'usage_percentage', value: 80 }],
  });
}
tg.on('entitlement.threshold', (n) => console.log(`notification: ${n.feature} of ${n.customerId} reached ${n.threshold.value}% (usage ${n.value.usage})`));

/** The request handler's guard: a check (microseconds, never consumes), then the usage event. */
let requestId = 0;
async function handleRequests(customer: string, count: number): Promise<{ served: number; refused: number }> {
  let served = 0;
  const events = [];
  for (let i = 0; i < count; i++) {
    // In a real handler every request checks; here the events of one burst are ingested together.
    const access = await tg.entitlements.check(customer, 'api', { quantity: events.length + 1 });
    if (!access.hasAccess) break;
    events.push({ id: `req-${requestId++}`, source: 'gateway', type: 'api.request', subject: `${customer}-api-key`, time: new Date(clock.now().getTime() - 1) });
    served++;
  }
  for (let i = 0; i < events.length; i += 1_000) await tg.events.ingest(events.slice(i, i + 1_000));
  return { served, refused: count - served };
}

clock.set('2024-03-20T12:00:00Z');
for (const customer of ['starter-co', 'growth-co']) {
  const { served, refused } = await handleRequests(customer, 10_500);
  const v = await tg.entitlements.check(customer, 'api');
  console.log(`${customer}: served ${served}, refused ${refused}; balance ${v.balance}, usage ${v.usage}, overage ${v.overage}, access ${v.hasAccess}${v.reason ? ` (${v.reason})` : ''}`);
}

// The starter customer buys a one-off top-up of 2,000 requests, valid until the end of the month.
await tg.grants.create({ customer: 'starter-co', feature: 'api' }, { amount: 2_000, priority: 2, expiresAt: '2024-04-01T00:00:00Z', metadata: { order: 'topup-1' } });
const afterTopUp = await tg.entitlements.check('starter-co', 'api');
console.log(`starter-co after a 2,000 top-up: balance ${afterTopUp.balance}, access ${afterTopUp.hasAccess}`);
const more = await handleRequests('starter-co', 500);
console.log(`starter-co served ${more.served} more requests`);

// April: the quota is restored to 10,000 (the top-up expired with March); growth-co's overage is forgiven.
clock.set('2024-04-01T00:00:00Z');
for (const customer of ['starter-co', 'growth-co']) {
  const v = await tg.entitlements.check(customer, 'api');
  console.log(`${customer} on ${v.currentUsagePeriod?.from.toISOString().slice(0, 10)}: balance ${v.balance}, usage ${v.usage}, overage ${v.overage}`);
}
const outbox = await tg.notifications.poll();
console.log(`outbox: ${outbox.length} notifications waiting (${outbox.map((n) => n.type).join(', ')})`);
await tg.notifications.ack(outbox.map((n) => n.id));
await tg.close();
