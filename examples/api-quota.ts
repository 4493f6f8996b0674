/**
 * API quota: 1,000 requests a month per customer, gated on every request with the real clock.
 * Each request calls `tg.entitlements.consume` — the check and the usage event in one transaction,
 * with the entitlement locked — so concurrent requests can never overshoot a hard quota, and a
 * retried request (same event id) is not counted twice. One plan has a soft limit (requests beyond
 * the quota are served and counted as overage); a customer who runs out buys a one-off top-up grant.
 *   npx tsx examples/api-quota.ts
 */
import { createTollgate } from 'tollgate';

const tg = createTollgate(); // memory storage and the system clock
await tg.migrate();

// A COUNT meter of API requests, and the feature it measures.
await tg.meters.create({ key: 'api_requests', eventType: 'api.request', aggregation: 'COUNT' });
await tg.features.create({ key: 'api', meterKey: 'api_requests' });

// Two customers: "starter" has a hard quota, "growth" a soft one. Both get 1,000 requests a month.
for (const [key, isSoftLimit] of [['starter-co', false], ['growth-co', true]] as const) {
  await tg.customers.create({ key, subjectKeys: [`${key}-api-key`] });
  await tg.entitlements.create({
    customer: key,
    feature: 'api',
    type: 'metered',
    usagePeriod: { interval: 'P1M' },
    issueAfterReset: { amount: 1_000 },
    isSoftLimit,
    thresholds: [{ type: 'usage_percentage', value: 80 }],
  });
}
tg.on('entitlement.threshold', (n) => console.log(`notification: ${n.feature} of ${n.customerId} reached ${n.threshold.value}% (usage ${n.value.usage})`));

/** The request handler's guard: consume one request (stamped now), serve it only when consumed. */
let requestId = 0;
async function handle(customer: string, id = `${customer}-req-${requestId++}`): Promise<boolean> {
  const r = await tg.entitlements.consume(customer, 'api', { event: { id, source: 'gateway', type: 'api.request', subject: `${customer}-api-key` } });
  return r.consumed;
}

/** `count` requests at once (as concurrent HTTP requests would arrive). */
async function burst(customer: string, count: number): Promise<{ served: number; refused: number }> {
  const served = (await Promise.all(Array.from({ length: count }, () => handle(customer)))).filter(Boolean).length;
  return { served, refused: count - served };
}

for (const customer of ['starter-co', 'growth-co']) {
  const { served, refused } = await burst(customer, 1_200);
  const v = await tg.entitlements.check(customer, 'api');
  console.log(`${customer}: served ${served}, refused ${refused}; balance ${v.balance}, usage ${v.usage}, overage ${v.overage}, access ${v.hasAccess}${v.reason ? ` (${v.reason})` : ''}`);
}

// A client retries a request it already got an answer for: the same event id is not counted again.
const retry = await tg.entitlements.consume('growth-co', 'api', { event: { id: 'growth-co-req-1200', source: 'gateway', type: 'api.request', subject: 'growth-co-api-key' } });
console.log(`growth-co retry of its first request: consumed ${retry.consumed}, duplicate ${retry.duplicate}, usage still ${retry.usage}`);

// The starter customer buys a one-off top-up of 200 requests, valid until the end of the usage period.
const period = (await tg.entitlements.check('starter-co', 'api')).currentUsagePeriod!;
await tg.grants.create({ customer: 'starter-co', feature: 'api' }, { amount: 200, priority: 2, expiresAt: period.to, metadata: { order: 'topup-1' } });
const more = await burst('starter-co', 300);
console.log(`starter-co after a 200 top-up: served ${more.served} more, refused ${more.refused}`);

// Next period: the quota is restored to 1,000 (the top-up expired with this period); growth-co's overage is forgiven.
for (const customer of ['starter-co', 'growth-co']) {
  const { currentUsagePeriod } = await tg.entitlements.check(customer, 'api');
  const v = await tg.entitlements.check(customer, 'api', { at: currentUsagePeriod!.to });
  console.log(`${customer} at the next period start: balance ${v.balance}, usage ${v.usage}, overage ${v.overage}`);
}
const outbox = await tg.notifications.poll();
console.log(`outbox: ${outbox.length} notifications waiting (${outbox.map((n) => n.type).join(', ')})`);
await tg.notifications.ack(outbox.map((n) => n.id));
await tg.close();
