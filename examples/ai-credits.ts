/**
 * AI token credits: a customer's LLM tokens burn down through grants of credits in priority order
 * (DESIGN D7): a promotional grant that expires first, then the monthly plan allowance, then a
 * purchased pack that never expires. Balances are exact decimals.
 *   npx tsx examples/ai-credits.ts
 */
import { createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

const clock = new TestClock('2024-05-01T00:00:00Z');
const tg = createTollgate({ clock });
await tg.migrate();

await tg.meters.create({ key: 'llm_tokens', eventType: 'llm.completion', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model' } });
await tg.features.create({ key: 'gpt_tokens', meterKey: 'llm_tokens', meterGroupByFilters: { model: ['gpt-4o', 'gpt-4o-mini'] } });
await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
const entitlement = await tg.entitlements.create({
  customer: 'acme',
  feature: 'gpt_tokens',
  type: 'metered',
  usagePeriod: { interval: 'P1M', anchor: '2024-05-01T00:00:00Z' },
  thresholds: [{ type: 'balance', value: 50_000 }],
});
const names = new Map<string, string>();
tg.on('grant.depleted', (n) => console.log(`notification: the ${names.get(n.grantId) ?? n.grantId} grant ran out`));
tg.on('entitlement.threshold', (n) => console.log(`notification: balance at or below ${n.threshold.value} (balance ${n.value.balance})`));

// Burn order: priority 1 first; at equal priority the grant that expires first.
const promo = await tg.grants.create({ entitlement: entitlement.id }, { amount: 100_000, priority: 1, expiration: { duration: 'WEEK', count: 2 }, metadata: { name: 'launch promo' } });
const plan = await tg.grants.create({ entitlement: entitlement.id }, { amount: 1_000_000, priority: 2, recurrence: { interval: 'P1M' }, maxRolloverAmount: 0, metadata: { name: 'monthly plan' } });
const pack = await tg.grants.create({ entitlement: entitlement.id }, { amount: '250000.5', priority: 3, metadata: { name: 'purchased pack' } });
names.set(promo.id, 'promo').set(plan.id, 'plan').set(pack.id, 'pack');
console.log(`grants: promo 100,000 (expires ${promo.expiresAt?.toISOString().slice(0, 10)}), plan 1,000,000 monthly, pack 250,000.5`);

let n = 0;
async function useTokens(at: string, tokens: number, model = 'gpt-4o'): Promise<void> {
  await tg.events.ingest({ id: `c-${n++}`, source: 'llm-proxy', type: 'llm.completion', subject: 'acme-prod', time: at, data: { tokens, model } });
}

clock.set('2024-05-03T00:00:00Z');
await useTokens('2024-05-02T10:00:00Z', 60_000);
await useTokens('2024-05-02T11:00:00Z', 500_000, 'llama-3'); // another model: not this feature's usage
let v = await tg.entitlements.check('acme', 'gpt_tokens');
console.log(`May 3: usage ${v.usage}, balance ${v.balance} (the promo gave first)`);

clock.set('2024-05-20T00:00:00Z');
await useTokens('2024-05-19T09:00:00Z', 1_020_000);
v = await tg.entitlements.check('acme', 'gpt_tokens');
console.log(`May 20: usage ${v.usage}, balance ${v.balance} (the promo expired May 15 with 40,000 left; the plan is used up)`);
const big = await tg.entitlements.check('acme', 'gpt_tokens', { quantity: 300_000 });
console.log(`may acme run a 300,000-token job? ${big.hasAccess}${big.reason ? ` (${big.reason})` : ''}`);

clock.set('2024-06-01T00:00:00Z');
v = await tg.entitlements.check('acme', 'gpt_tokens');
console.log(`June 1: balance ${v.balance} (plan refilled to 1,000,000, pack rolled over)`);

const history = await tg.entitlements.history(entitlement.id, { from: '2024-05-01T00:00:00Z', to: '2024-06-01T00:00:00Z', windowSize: 'MONTH' });
for (const segment of history.burndownHistory) {
  const gave = segment.grantUsages.map((g) => `${names.get(g.grantId)} ${g.usage}`).join(', ') || 'nothing';
  console.log(`segment ${segment.period.from.toISOString().slice(0, 10)} → ${segment.period.to.toISOString().slice(0, 10)}: usage ${segment.usage}, grants gave ${gave}`);
}
await tg.close();
