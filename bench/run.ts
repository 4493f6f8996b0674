/**
 * The benchmark suite: runs every benchmark module and prints one table.
 *   npm run bench              # full sizes (tens of minutes on 2 cores)
 *   npm run bench -- --quick   # small sizes, a smoke run
 * Postgres rows appear when DATABASE_URL is set. Figures are recorded in bench/README.md with the
 * date and the machine; each module can also run alone (`npx tsx bench/metering.bench.ts`).
 */
import { cpus, totalmem } from 'node:os';
import { runBillingBench } from './billing.bench';
import { runEntitlementsBench } from './entitlements.bench';
import { runMeteringBench } from './metering.bench';
import { runPricingBench } from './pricing.bench';
import { runSubscriptionsBench } from './subscriptions.bench';
import { runRequestPathBench } from './request-path.bench';
import { runTimeBench } from './time.bench';

interface Row {
  name: string;
  value: number;
  unit: string;
  target: string;
}

const quick = process.argv.includes('--quick');
const rows: Row[] = [];

process.stderr.write('pricing...\n');
for (const r of await runPricingBench()) rows.push({ name: r.name, value: r.opsPerSec, unit: 'ops/s', target: r.target > 0 ? `≥ ${r.target.toLocaleString('en-US')}` : '' });
process.stderr.write('time...\n');
rows.push(...(await runTimeBench({ quick })));
process.stderr.write('metering...\n');
rows.push(...(await runMeteringBench({ quick })));
process.stderr.write('entitlements...\n');
rows.push(...(await runEntitlementsBench({ quick })));
process.stderr.write('subscriptions...\n');
rows.push(...(await runSubscriptionsBench({ quick })));
process.stderr.write('billing...\n');
rows.push(...(await runBillingBench({ quick })));
process.stderr.write('request path...\n');
rows.push(...(await runRequestPathBench({ quick })));

const format = (r: Row): string =>
  r.unit === '×' ? `${r.value.toFixed(2)} ×` : `${r.value >= 100 ? Math.round(r.value).toLocaleString('en-US') : r.value.toFixed(2)} ${r.unit}`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
console.log(`\nTollgate benchmarks${quick ? ' (quick)' : ''}, ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
console.table(rows.map((r) => ({ benchmark: r.name, result: format(r), target: r.target })));
