/**
 * AI tokens: meter LLM tokens by model, then query each customer's daily usage in the customer's
 * own time zone (DST included), with exact decimal totals, idempotent retries and a late event.
 *   npx tsx examples/ai-tokens.ts
 */
import { createTollgate } from 'tollgate';
import { TestClock } from 'tollgate/testing';

const clock = new TestClock('2024-03-12T12:00:00Z');
const tg = createTollgate({ clock });
await tg.migrate();

// A SUM meter over the `tokens` of `llm.completion` events, split by model; and an AVG of latency.
await tg.meters.create({
  key: 'llm_tokens',
  name: 'LLM tokens',
  eventType: 'llm.completion',
  aggregation: 'SUM',
  valueProperty: '$.usage.total_tokens',
  groupBy: { model: '$.model' },
});
await tg.meters.create({ key: 'llm_latency', eventType: 'llm.completion', aggregation: 'AVG', valueProperty: "$['latency-ms']" });

// Customers own the subjects their API keys send usage under, and live in different zones.
const acme = await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod', 'acme-batch'], timezone: 'America/New_York' });
const kyoto = await tg.customers.create({ key: 'kyoto-ai', subjectKeys: ['kyoto-main'], timezone: 'Asia/Tokyo' });

let n = 0;
const completion = (subject: string, time: string, model: string, tokens: number | string, latencyMs = 420) => ({
  id: `req-${++n}`,
  source: 'llm-gateway',
  type: 'llm.completion',
  subject,
  time,
  data: { model, usage: { total_tokens: tokens }, 'latency-ms': latencyMs },
});

// Three days around the US spring-forward change (March 10, 2024 has 23 hours in New York).
const batch = [
  completion('acme-prod', '2024-03-09T14:00:00-05:00', 'gpt-4o', 1200),
  completion('acme-prod', '2024-03-09T23:30:00-05:00', 'gpt-4o-mini', 800),
  completion('acme-batch', '2024-03-10T01:59:00-05:00', 'gpt-4o', 5000, 2100),
  completion('acme-prod', '2024-03-10T03:01:00-04:00', 'gpt-4o', 300),
  completion('acme-prod', '2024-03-11T09:15:00-04:00', 'gpt-4o-mini', '0.5'),
  completion('kyoto-main', '2024-03-10T08:00:00+09:00', 'claude-3-5-sonnet', 2500),
  completion('kyoto-main', '2024-03-10T23:59:59+09:00', 'claude-3-5-sonnet', 100),
  completion('kyoto-main', '2024-03-11T00:00:00+09:00', 'gpt-4o', 40),
  { id: 'bad-1', source: 'llm-gateway', type: 'llm.completion', subject: '', time: '2024-03-10T00:00:00Z' },
];
const first = await tg.events.ingest(batch);
console.log(`ingested ${first.accepted} events; rejected ${first.rejected.map((r) => `#${r.index} (${r.code}: ${r.message})`).join(', ')}`);

// The gateway retries the whole batch after a timeout: nothing is counted twice.
const retry = await tg.events.ingest(batch.slice(0, -1));
console.log(`retry: ${retry.accepted} accepted, ${retry.duplicates} duplicates`);

// A late event (a queue drained hours later) lands in the day it happened.
await tg.events.ingest(completion('acme-batch', '2024-03-09T10:00:00-05:00', 'gpt-4o', 700));

/** Daily tokens by model for one customer, in the customer's time zone. */
async function dailyUsage(customer: { key: string; timezone: string | null }, from: string, to: string): Promise<void> {
  const zone = customer.timezone ?? 'UTC';
  const { data } = await tg.meters.query('llm_tokens', { from, to, windowSize: 'DAY', windowTimeZone: zone, customer: [customer.key], groupBy: ['model'] });
  console.log(`\n${customer.key} (${zone}), tokens per day by model:`);
  for (const row of data) {
    const hours = (row.windowEnd.getTime() - row.windowStart.getTime()) / 3_600_000;
    const day = row.windowStart.toLocaleDateString('en-CA', { timeZone: zone });
    console.log(`  ${day} (${hours} h)  ${String(row.groupBy.model).padEnd(18)} ${row.value}`);
  }
}

await dailyUsage(acme, '2024-03-09T00:00:00-05:00', '2024-03-12T00:00:00-04:00');
await dailyUsage(kyoto, '2024-03-10T00:00:00+09:00', '2024-03-12T00:00:00+09:00');

// Month-to-date totals per customer, and the average latency over everything.
const totals = await tg.meters.query('llm_tokens', { from: '2024-03-01T00:00:00Z', customer: ['acme', 'kyoto-ai'] });
const names = new Map([
  [acme.id, acme.key],
  [kyoto.id, kyoto.key],
]);
console.log(`\nmonth to date: ${totals.data.map((r) => `${names.get(r.customerId!)} ${r.value} tokens`).join(', ')}`);
const latency = await tg.meters.query('llm_latency', { from: '2024-03-01T00:00:00Z' });
console.log(`average latency: ${latency.data[0]?.value} ms`);

// Usage sent before a customer claimed its subject is attributed as soon as it does.
await tg.events.ingest(completion('initech-dev', '2024-03-11T12:00:00Z', 'gpt-4o', 999));
await tg.customers.create({ key: 'initech', subjectKeys: ['initech-dev'] });
const initech = await tg.meters.query('llm_tokens', { from: '2024-03-01T00:00:00Z', customer: ['initech'] });
console.log(`initech (subject claimed after its usage): ${initech.data[0]?.value} tokens`);

await tg.close();
