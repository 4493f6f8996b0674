import pg from 'pg';
import { createTollgate } from './src/index';
import { postgresStorage } from './adapters/postgres';
const url = 'postgres://postgres@127.0.0.1:5432/tg_metering';
const admin = new pg.Client({ connectionString: url }); await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS pgq CASCADE; CREATE SCHEMA pgq');
const pool = new pg.Pool({ connectionString: url, options: '-c search_path=pgq' });
const tg = createTollgate({ storage: postgresStorage({ client: pool }) }); await tg.migrate();
await tg.meters.create({ key: 'tokens', eventType: 'llm', aggregation: 'SUM', valueProperty: '$.n', groupBy: { m: '$.m', r: '$.r' } });
for (let c = 0; c < 1000; c++) await tg.customers.create({ key: `c${c}`, subjectKeys: [`c${c}`] });
const Y = Date.UTC(2024, 0, 1);
for (let b = 0; b < 10; b++) await tg.events.ingest(Array.from({ length: 10000 }, (_, k) => ({ id: `${b}-${k}`, source: 's', type: 'llm', subject: `c${(k * 7 + b) % 1000}`, time: new Date(Y + Math.floor(Math.random() * 366 * 86400000)), data: { n: k % 100, m: `m${k % 4}`, r: `r${k % 3}` } })));
const month = { from: '2024-04-01T00:00:00-04:00', to: '2024-05-01T00:00:00-04:00' };
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  await tg.meters.query('tokens', { ...month, customer: ['c5'] });
  const a = performance.now() - t; t = performance.now();
  await tg.meters.query('tokens', { ...month, customer: ['c5'], windowSize: 'DAY', windowTimeZone: 'America/New_York' });
  console.log(a.toFixed(2), (performance.now() - t).toFixed(2));
}
const m = await pool.query('select id from tg_meters');
const buckets = Array.from({ length: 720 }, (_, i) => Date.parse('2024-04-01T04:00:00Z') + i * 3600000);
const show = async (label: string, text: string, params: unknown[]) => { const r = await pool.query('EXPLAIN ANALYZE ' + text, params); console.log(label, r.rows.map((x: any) => x['QUERY PLAN']).filter((l: string) => !l.includes('Filter: ((subject')).map((l: string) => l.slice(0, 160)).join('\n')); };


const { postgresDialect } = await import('./adapters/sql');
await show('lateral', postgresDialect.seekBucketSubjects('tg_meter_rollups', 'bucket, subject, group_key, count, sum'), [m.rows[0].id, buckets, ['c5']]);
await pool.end(); await admin.query('DROP SCHEMA pgq CASCADE'); await admin.end();
