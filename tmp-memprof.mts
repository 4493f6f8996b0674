import { createTollgate } from './src/index';
import { memoryStorage } from './adapters/memory';
import { randomUUID } from 'node:crypto';
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet', 'llama-3-70b'], REGIONS = ['us-east', 'eu-west', 'ap-south'];
const tg = createTollgate({ storage: memoryStorage() }); await tg.migrate();
await tg.meters.create({ key: 'tokens', eventType: 'llm.tokens', aggregation: 'SUM', valueProperty: '$.tokens', groupBy: { model: '$.model', region: '$.region' } });
let el = 0;
for (let b = 0; b < 300; b++) {
  const batch = Array.from({ length: 1000 }, (_, k) => { const c = Math.floor(Math.random() * 1000); const i = b * 1000 + k; return { id: randomUUID(), source: 'llm-gateway', type: 'llm.tokens', subject: `customer-${c}`, time: new Date(Date.UTC(2024, 5, 1) + i), data: { model: MODELS[c % 4], region: REGIONS[c % 3], input_tokens: 100, output_tokens: 20, tokens: 120, latency_ms: 300, request: `req_${i}` } }; });
  const t = performance.now(); await tg.events.ingest(batch); if (b >= 50) el += performance.now() - t;
}
console.log('memory', Math.round(250000 / el * 1000));
