import Database from 'better-sqlite3';
import { rmSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { meteringMigration } from './adapters/sql/migrations/0002-metering';
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-70b'], REGIONS = ['us-east', 'eu-west', 'ap-south'];
const W = (() => { const w = Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)); const t = w.reduce((a, b) => a + b); let acc = 0; return w.map((x) => (acc += x / t)); })();
const pick = () => { const r = Math.random(); let lo = 0, hi = 999; while (lo < hi) { const m = (lo + hi) >> 1; if (W[m]! < r) lo = m + 1; else hi = m; } return lo; };
rmSync('/tmp/proto/db', { recursive: true, force: true }); mkdirSync('/tmp/proto/db');
const db = new Database('/tmp/proto/db/r.db'); db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000'); db.pragma('foreign_keys = ON');
db.exec(meteringMigration.sqlite);
const ins = db.prepare('INSERT INTO tg_events (source, id, type, subject, time, data, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, id) DO NOTHING');
let tIns = 0, tCommit = 0, el = 0;
const begin = db.prepare('BEGIN IMMEDIATE'), commit = db.prepare('COMMIT');
for (let b = 0; b < 150; b++) {
  const batch = Array.from({ length: 1000 }, (_, k) => { const c = pick(); const i = b * 1000 + k; return { id: randomUUID(), source: 'llm-gateway', type: 'llm.tokens', subject: `customer-${c}`, time: new Date(Date.UTC(2024, 5, 1) + i), data: { model: MODELS[c % 4], region: REGIONS[c % 3], input_tokens: 100, output_tokens: 20, tokens: 120, latency_ms: 300, request: `req_${i}` } }; });
  const t0 = performance.now();
  begin.run();
  for (const e of batch) ins.run(e.source, e.id, e.type, e.subject, e.time.getTime(), JSON.stringify(e.data), 1);
  const t1 = performance.now();
  commit.run();
  const t2 = performance.now();
  if (b >= 20) { tIns += t1 - t0; tCommit += t2 - t1; el += t2 - t0; }
}
console.log('raw', Math.round(130000 / el * 1000), 'insert ms/batch', (tIns / 130).toFixed(2), 'commit', (tCommit / 130).toFixed(2));
