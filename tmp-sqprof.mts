import Database from 'better-sqlite3';
import { rmSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createTollgate } from './src/index';
import { sqliteStorage } from './adapters/sqlite';
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-70b'], REGIONS = ['us-east', 'eu-west', 'ap-south'];
const W = (() => { const w = Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)); const t = w.reduce((a, b) => a + b); let acc = 0; return w.map((x) => (acc += x / t)); })();
const pick = () => { const r = Math.random(); let lo = 0, hi = 999; while (lo < hi) { const m = (lo + hi) >> 1; if (W[m]! < r) lo = m + 1; else hi = m; } return lo; };
rmSync('/tmp/proto/db', { recursive: true, force: true }); mkdirSync('/tmp/proto/db');
const db = new Database('/tmp/proto/db/p.db');
const tg = createTollgate({ storage: sqliteStorage({ database: db }) }); await tg.migrate();
await tg.meters.create({ key: 'tokens', eventType: 'llm.tokens', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model', region: '$.region' } });
let el = 0;
for (let b = 0; b < 150; b++) {
  const batch = Array.from({ length: 1000 }, (_, k) => { const c = pick(); const i = b * 1000 + k; return { id: randomUUID(), source: 'llm-gateway', type: 'llm.tokens', subject: `customer-${c}`, time: new Date(Date.UTC(2024, 5, 1) + i), data: { model: Math.random() < 0.7 ? MODELS[c % 4] : MODELS[i % 4], region: REGIONS[c % 3], input_tokens: 100, output_tokens: 20, tokens: 120, latency_ms: 300, request: `req_${i}` } }; });
  const t = performance.now(); await tg.events.ingest(batch); if (b >= 20) el += performance.now() - t;
}
console.log('sqlite', Math.round(130000 / el * 1000));
