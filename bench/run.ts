/**
 * The benchmark suite: runs every benchmark module and prints one table.
 *   npm run bench              # full sizes (minutes)
 *   npm run bench -- --quick   # small sizes, a smoke run
 * Figures are recorded in bench/README.md with the date and the machine.
 */
import { cpus, totalmem } from 'node:os';

interface Row {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const quick = process.argv.includes('--quick');
const rows: Row[] = [];

async function section(title: string, load: () => Promise<Row[]>): Promise<void> {
  process.stdout.write(`running ${title}...\n`);
  rows.push(...(await load()));
}

await section('pricing', async () => {
  const { runPricingBench } = await import('./pricing.bench');
  return (await runPricingBench()).map((r) => ({ name: r.name, value: r.opsPerSec, unit: 'ops/s', target: `≥ ${r.target.toLocaleString('en-US')}` }));
});

await section('metering', async () => {
  const { runMeteringBench } = await import('./metering.bench');
  // Ratios as percentages and latencies in µs, so the table's whole numbers keep their precision.
  return (await runMeteringBench({ quick })).map((r) =>
    r.unit === '×'
      ? { name: r.name, value: r.value * 100, unit: '%', target: r.target.replace(/([\d.]+)$/, (x) => `${Number(x) * 100} %`) }
      : r.unit === 'ms'
        ? { name: r.name, value: r.value * 1000, unit: 'µs', target: r.target.replace(/([\d.]+) ms$/, (_, x: string) => `${(Number(x) * 1000).toLocaleString('en-US')} µs`) }
        : { name: r.name, value: r.value, unit: r.unit, target: r.target },
  );
});

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
console.log(`\nTollgate benchmarks${quick ? ' (quick)' : ''} — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);
console.table(rows.map((r) => ({ benchmark: r.name, result: `${Math.round(r.value).toLocaleString('en-US')} ${r.unit}`, target: r.target ?? '' })));
