/**
 * Pricing benchmark: `priceUsage` on a 5-tier graduated price (raw and compiled) and
 * `simulateInvoice` with 10 lines (mixed models, a percentage discount, a tax).
 *
 * Run: `npx tsx bench/pricing.bench.ts`. Prints a table of ops/s (the median of the per-sample
 * medians of 3 rounds) against the targets of issue 4 (priceUsage ≥ 200,000 calls/s,
 * simulateInvoice ≥ 20,000 invoices/s). The targets apply to the compiled forms (`compilePrice`,
 * `compileRateCard`), which is how a billing run prices; the uncompiled figures, which validate
 * their whole input on every call, are shown for information.
 */
import { fileURLToPath } from 'node:url';
import { median } from './support';
import { Bench } from 'tinybench';
import { compilePrice, priceUsage, type UsagePrice } from '../src/core/pricing';
import { compileRateCard, simulateInvoice, type SimulateInvoiceInput } from '../src/core/invoice';

/** One benchmark's outcome. */
export interface PricingBenchResult {
  name: string;
  /** Median operations per second. */
  opsPerSec: number;
  /** The target, in operations per second (0: informative only). */
  target: number;
}

/** Calls per sample: timing a batch keeps the timer's own cost out of the figures. */
const BATCH = 100;

const graduated: UsagePrice = {
  type: 'tiered',
  mode: 'graduated',
  tiers: [
    { upTo: 1000, unitAmount: '0.01', flatAmount: '5' },
    { upTo: 5000, unitAmount: '0.008' },
    { upTo: 20000, unitAmount: '0.006' },
    { upTo: 100000, unitAmount: '0.004' },
    { unitAmount: '0.002' },
  ],
};

const month = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' };

/** An invoice of 10 lines: every model, spend limits, proration, a percentage discount and a tax. */
export const tenLineInvoice: SimulateInvoiceInput = {
  currency: 'USD',
  taxConfig: { rate: '0.2', behavior: 'exclusive' },
  lines: [
    { rateCard: { key: 'platform', type: 'flat_fee', price: { type: 'flat', amount: '49' }, billingCadence: 'P1M' }, period: month },
    {
      rateCard: { key: 'seats', type: 'flat_fee', price: { type: 'flat', amount: '30' }, billingCadence: 'P1M' },
      period: { from: '2024-01-11T00:00:00Z', to: '2024-02-01T00:00:00Z' },
      fullPeriod: month,
    },
    {
      rateCard: { key: 'api', type: 'usage_based', feature: 'api', billingCadence: 'P1M', price: { type: 'unit', amount: '0.002' }, discounts: { usage: 1000, percentage: 10 } },
      quantity: 26000,
      period: month,
    },
    {
      rateCard: { key: 'sms', type: 'usage_based', feature: 'sms', billingCadence: 'P1M', price: { type: 'package', amount: '5', quantityPerPackage: 1000 } },
      quantity: 2500,
      period: month,
    },
    { rateCard: { key: 'tokens', type: 'usage_based', feature: 'tokens', billingCadence: 'P1M', price: graduated }, quantity: 150000, period: month },
    {
      rateCard: {
        key: 'storage',
        type: 'usage_based',
        feature: 'storage',
        billingCadence: 'P1M',
        price: { type: 'tiered', mode: 'volume', tiers: [{ upTo: 100, unitAmount: '1' }, { upTo: 1000, unitAmount: '0.8' }, { unitAmount: '0.5' }] },
      },
      quantity: 150,
      period: month,
    },
    {
      rateCard: { key: 'compute', type: 'usage_based', feature: 'compute', billingCadence: 'P1M', price: { type: 'dynamic', multiplier: '1.2' } },
      quantity: '10.05',
      period: month,
    },
    {
      rateCard: {
        key: 'inference',
        type: 'usage_based',
        feature: 'inference',
        billingCadence: 'P1M',
        price: {
          type: 'matrix',
          dimensions: ['region', 'model'],
          entries: [
            { match: { region: 'eu', model: 'small' }, amount: '0.01' },
            { match: { region: 'eu', model: 'large' }, amount: '0.05' },
            { match: { region: 'us', model: 'small' }, amount: '0.008' },
          ],
        },
      },
      matrixUsage: [
        { dimensions: { region: 'eu', model: 'small' }, quantity: 1200 },
        { dimensions: { region: 'us', model: 'small' }, quantity: 500 },
      ],
      period: month,
    },
    {
      rateCard: { key: 'events', type: 'usage_based', feature: 'events', billingCadence: 'P1M', price: { type: 'unit', amount: '1', minimumAmount: 100 } },
      quantity: 25,
      period: month,
    },
    {
      rateCard: {
        key: 'bandwidth',
        type: 'usage_based',
        feature: 'bandwidth',
        billingCadence: 'P1M',
        price: { ...graduated, maximumAmount: 300 },
        taxConfig: { rate: '0.1', behavior: 'inclusive' },
      },
      quantity: 150000,
      preLinePeriodQuantity: 20000,
      period: month,
    },
  ],
};

/**
 * The same invoice as a billing engine would build it: rate cards compiled once
 * (`compileRateCard`), periods as `Date`s.
 */
function withCompiledRateCards(input: SimulateInvoiceInput): SimulateInvoiceInput {
  const toDate = (instant: Date | string) => (instant instanceof Date ? instant : new Date(instant));
  return {
    ...input,
    lines: input.lines.map((line) => {
      const out = { ...line, rateCard: compileRateCard(line.rateCard), period: { from: toDate(line.period.from), to: toDate(line.period.to) } };
      return line.fullPeriod ? { ...out, fullPeriod: { from: toDate(line.fullPeriod.from), to: toDate(line.fullPeriod.to) } } : out;
    }),
  };
}

/** Rounds of the whole suite; each figure is the median of its rounds (a shared machine is noisy). */
const ROUNDS = 3;

/** Runs the pricing benchmarks and returns the median ops/s of each, with its target. */
export async function runPricingBench(): Promise<PricingBenchResult[]> {
  const compiled = compilePrice(graduated);
  const compiledInvoice = withCompiledRateCards(tenLineInvoice);
  const options = { quantity: 150000, currency: 'USD' } as const;
  const tasks: Array<{ name: string; target: number; fn: () => unknown }> = [
    { name: 'priceUsage, 5-tier graduated, compiled price', target: 200_000, fn: () => priceUsage(compiled, options) },
    { name: 'priceUsage, 5-tier graduated, price input (validated each call)', target: 0, fn: () => priceUsage(graduated, options) },
    { name: 'simulateInvoice, 10 lines, compiled rate cards, Date periods', target: 20_000, fn: () => simulateInvoice(compiledInvoice) },
    {
      name: 'simulateInvoice, 10 lines, rate card inputs, ISO-string periods (validated each call)',
      target: 0,
      fn: () => simulateInvoice(tenLineInvoice),
    },
  ];

  const rounds = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: 700, warmupTime: 200 });
    for (const task of tasks) {
      bench.add(task.name, () => {
        for (let i = 0; i < BATCH; i++) task.fn();
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      const p50 = 'latency' in result ? result.latency.p50 : Number.NaN;
      rounds.get(task.name)?.push((BATCH * 1000) / p50);
    }
  }
  return tasks.map((task) => ({ name: task.name, opsPerSec: Math.round(median(rounds.get(task.name) ?? [])), target: task.target }));
}

/** Prints the results as a table. */
export function printPricingBench(results: readonly PricingBenchResult[]): void {
  console.table(
    results.map((r) => ({
      benchmark: r.name,
      'ops/s (median)': r.opsPerSec.toLocaleString('en-US'),
      target: r.target > 0 ? `≥ ${r.target.toLocaleString('en-US')}` : '-',
      met: r.target > 0 ? (r.opsPerSec >= r.target ? 'yes' : 'NO') : '-',
    })),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printPricingBench(await runPricingBench());
}
