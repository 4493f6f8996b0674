import pg from 'pg';
import { createTollgate } from './src/index';
import { postgresStorage } from './adapters/postgres';
const url = 'postgres://postgres@127.0.0.1:5432/tg_metering';
const admin = new pg.Client({ connectionString: url }); await admin.connect();
await admin.query('DROP SCHEMA IF EXISTS pgp CASCADE; CREATE SCHEMA pgp');
const pool = new pg.Pool({ connectionString: url, options: '-c search_path=pgp', max: 4 });
const T = new Map<string, number>();
const wrap = (c: any) => { if (c.__w) return c; c.__w = 1; const q = c.query.bind(c); c.query = async (text: string, params?: unknown[]) => { const t = performance.now(); try { return await q(text, params); } finally { const k = String(text).trim().slice(0, 28); T.set(k, (T.get(k) ?? 0) + performance.now() - t); } }; return c; };
const origConnect = pool.connect.bind(pool);
(pool as any).connect = async () => wrap(await origConnect());
const tg = createTollgate({ storage: postgresStorage({ client: pool }) }); await tg.migrate(); if (process.env.FF) await admin.query('ALTER TABLE pgp.tg_meter_rollups SET (fillfactor = ' + process.env.FF + ')');
await tg.meters.create({ key: 'tokens', eventType: 'llm', aggregation: 'SUM', valueProperty: '$.n', groupBy: { m: '$.m', r: '$.r' } });
const models = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-70b'], regions = ['us-east', 'eu-west', 'ap-south'];
let total = 0;
for (let b = 0; b < 60; b++) {
  const batch = Array.from({ length: 1000 }, (_, k) => { const i = b * 1000 + k; return { id: `e-${i}`, source: 'api', type: 'llm', subject: `customer-${(i * 7919) % 1000}`, time: new Date(Date.UTC(2024, 5, 1) + i), data: { n: 1 + (i % 4000), m: models[i % 4], r: regions[(i >> 2) % 3] } }; });
  if (b === 10) { T.clear(); total = 0; }
  const t = performance.now(); await tg.events.ingest(batch); total += performance.now() - t;
}
console.log('total ms/batch', (total / 50).toFixed(2), [...T].map(([k, v]) => `${k}: ${(v / 50).toFixed(2)}`).join('\n'));
await pool.end(); await admin.query('DROP SCHEMA pgp CASCADE'); await admin.end();
