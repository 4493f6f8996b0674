import Database from 'better-sqlite3';
import { rmSync, mkdirSync } from 'node:fs';
import { SqliteExecutor } from './adapters/sqlite/sqlite-executor';
import { registerDecimalFunctions } from './adapters/sqlite/decimal-functions';
import { sqliteDialect } from './adapters/sql';
import { SqlEventRepository } from './adapters/sql/sql-event-repository';
import { SqlRollupRepository } from './adapters/sql/sql-rollup-repository';
import { meteringMigration } from './adapters/sql/migrations/0002-metering';
import { compileMeter, rollupEvents, validateEvent, isRejected, type ValidEvent } from './src/core/metering';
const models = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5', 'llama-3'], regions = ['us', 'eu', 'ap'];
const base = Date.UTC(2024, 2, 1);
function batch(b: number, n = 1000) {
  return Array.from({ length: n }, (_, k) => { const i = b * n + k; return { id: `evt-${i}`, source: 'api-gateway', type: 'llm.tokens', subject: `customer-${(i * 7919) % 1000}`, time: new Date(base + i * 1), data: { tokens: (i % 500) + 1, model: models[i % 4], region: regions[(i >> 2) % 3] } }; });
}
rmSync('/tmp/proto/db', { recursive: true, force: true }); mkdirSync('/tmp/proto/db');
const db = new Database('/tmp/proto/db/a.db'); db.pragma('journal_mode = WAL');
registerDecimalFunctions(db);
db.exec(meteringMigration.sqlite);
const sql = new SqliteExecutor(db);
const events = new SqlEventRepository(sql, sqliteDialect);
const rollups = new SqlRollupRepository(sql, sqliteDialect);
const meter = compileMeter({ id: 'mtr_01HZZZZZZZZZZZZZZZZZZZZZZZ', key: 'tokens', eventType: 'llm.tokens', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model', region: '$.region' } });
const T = { validate: 0, append: 0, rollup: 0, merge: 0, commit: 0, begin: 0 };
const N = Number(process.argv[2] ?? 50);
const skipRollup = process.argv[3] === 'norollup';
for (let i = 0; i < N; i++) {
  const b = batch(i);
  let t = performance.now();
  const valid = b.map((e, j) => validateEvent(e, j, 0)).filter((r): r is ValidEvent => !isRejected(r));
  T.validate += performance.now() - t; t = performance.now();
  sql.querySync('BEGIN IMMEDIATE'); T.begin += performance.now() - t; t = performance.now();
  const seqs = await events.append(valid);
  valid.forEach((e, j) => (e.seq = seqs[j]!));
  T.append += performance.now() - t; t = performance.now();
  if (!skipRollup) {
  const d = rollupEvents(meter, valid);
  T.rollup += performance.now() - t; t = performance.now();
  await rollups.merge(meter.id, d.cells);
  T.merge += performance.now() - t; t = performance.now();
  }
  sql.querySync('COMMIT');
  T.commit += performance.now() - t;
}
const total = Object.values(T).reduce((a, b) => a + b, 0);
console.log(Object.fromEntries(Object.entries(T).map(([k, v]) => [k, (v / N / 1000 * 1000).toFixed(2) + 'µs/ev'])), 'total', (total / N).toFixed(2), 'ms/batch', Math.round(N * 1000 / total * 1000), 'ev/s');
