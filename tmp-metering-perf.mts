import Database from 'better-sqlite3';
import { rmSync, mkdirSync } from 'node:fs';
import { createTollgate } from './src/index';
import { sqliteStorage } from './adapters/sqlite';
const models = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5', 'llama-3'], regions = ['us', 'eu', 'ap'];
const base = Date.UTC(2024, 2, 1);
function batch(b: number, n = 1000) {
  return Array.from({ length: n }, (_, k) => { const i = b * n + k; return { id: `evt-${i}`, source: 'api-gateway', type: 'llm.tokens', subject: `customer-${(i * 7919) % 1000}`, time: new Date(base + i * 1), data: { tokens: (i % 500) + 1, model: models[i % 4], region: regions[(i >> 2) % 3] } }; });
}
rmSync('/tmp/proto/db', { recursive: true, force: true }); mkdirSync('/tmp/proto/db');
const tg = createTollgate({ storage: sqliteStorage({ database: new Database('/tmp/proto/db/a.db') }) }); await tg.migrate();
await tg.meters.create({ key: 'tokens', eventType: 'llm.tokens', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model', region: '$.region' } });
let el = 0;
for (let i = 0; i < 200; i++) { const b = batch(i); const t = performance.now(); await tg.events.ingest(b); el += performance.now() - t; }
console.log('sqlite', Math.round(200000 / el * 1000));
