import { SqliteExecutor } from './adapters/sqlite/sqlite-executor';
const T = new Map<string, [number, number]>();
for (const name of ['querySync', 'runEach'] as const) {
  const orig = (SqliteExecutor.prototype as any)[name];
  (SqliteExecutor.prototype as any)[name] = function (text: string, ...rest: unknown[]) {
    const t = performance.now(); try { return orig.call(this, text, ...rest); } finally { const k = name + ' ' + text.replace(/\s+/g, ' ').trim().slice(0, 50); const v = T.get(k) ?? [0, 0]; v[0] += performance.now() - t; v[1]++; T.set(k, v); }
  };
}
(globalThis as any).__T = T;
await import('./tmp-sqprof.mts');
for (const [k, [ms, n]] of [...T].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12)) console.log((ms / 150).toFixed(2), 'ms/batch', n, k);
