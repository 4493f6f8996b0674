/**
 * Quickstart: Tollgate embedded in a Node process, state in a SQLite file.
 * Run it with `npm run demo`. It grows as capabilities land.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, createTollgate } from 'tollgate';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { addDuration, periods } from 'tollgate/core';

const dir = mkdtempSync(join(tmpdir(), 'tollgate-quickstart-'));
const database = new Database(join(dir, 'billing.db'));

try {
  // 1. One client per process, on storage you own. migrate() is explicit and idempotent.
  const tg = createTollgate({ storage: sqliteStorage({ database }), currencies: { CREDITS: { precision: 4 } } });
  const report = await tg.migrate();
  console.log(`migrated ${join(dir, 'billing.db')}: applied ${report.applied.join(', ')}`);

  // 2. Customers own the event subjects their usage arrives under.
  tg.on('customer.created', ({ customer }) => console.log(`event customer.created: ${customer.key} (${customer.id})`));
  const acme = await tg.customers.create({
    key: 'acme',
    name: 'Acme Inc.',
    subjectKeys: ['acme-prod', 'acme-staging'],
    currency: 'USD',
    timezone: 'America/New_York',
  });
  await tg.customers.create({ key: 'globex', name: 'Globex', subjectKeys: ['globex-api'], currency: 'EUR' });

  // 3. A subject key belongs to one customer at most: the second claim is a typed conflict.
  try {
    await tg.customers.create({ key: 'initech', subjectKeys: ['acme-prod'] });
  } catch (error) {
    if (error instanceof ConflictError) console.log(`refused: ${error.message} (${error.target})`);
    else throw error;
  }

  const page = await tg.customers.list({ limit: 10 });
  console.log(`customers: ${page.items.map((c) => `${c.key} [${c.subjectKeys.join(', ')}]`).join('; ')}`);

  // 4. The pure core: billing periods anchored on Jan 31 clamp to month ends, never drift.
  const monthly = periods('2024-01-31T00:00:00Z', 'P1M', { from: '2024-01-31T00:00:00Z', to: '2024-05-01T00:00:00Z' });
  console.log(`monthly periods from Jan 31: ${monthly.map((p) => p.from.toISOString().slice(0, 10)).join(', ')}`);
  const nextDay = addDuration('2024-03-10T00:00:00-05:00', 'P1D', { timeZone: acme.timezone ?? 'UTC' });
  console.log(`P1D in ${acme.timezone} across the DST change ends at ${nextDay.toISOString()} (23 hours later)`);

  // 5. Metering: a meter sums token counts; events are idempotent by (source, id); usage is
  //    attributed to customers through their subject keys and queried in their time zone.
  await tg.meters.create({ key: 'llm_tokens', eventType: 'llm.completion', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model' } });
  const sent = await tg.events.ingest([
    { id: 'req-1', source: 'gateway', type: 'llm.completion', subject: 'acme-prod', time: '2024-03-10T03:00:00Z', data: { tokens: 1200, model: 'gpt-4o' } },
    { id: 'req-2', source: 'gateway', type: 'llm.completion', subject: 'acme-staging', time: '2024-03-10T15:00:00Z', data: { tokens: '0.5', model: 'gpt-4o' } },
    { id: 'req-1', source: 'gateway', type: 'llm.completion', subject: 'acme-prod', time: '2024-03-10T03:00:00Z', data: { tokens: 1200, model: 'gpt-4o' } },
  ]);
  console.log(`ingested: ${sent.accepted} accepted, ${sent.duplicates} duplicate`);
  const usage = await tg.meters.query('llm_tokens', {
    from: '2024-03-09T00:00:00-05:00',
    to: '2024-03-11T00:00:00-04:00',
    windowSize: 'DAY',
    windowTimeZone: acme.timezone ?? 'UTC',
    customer: ['acme'],
  });
  for (const row of usage.data) console.log(`acme tokens ${row.windowStart.toISOString()}: ${row.value}`);

  await tg.close();
} finally {
  database.close();
  rmSync(dir, { recursive: true, force: true });
}
