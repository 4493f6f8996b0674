/**
 * Billing core benchmark (issue 12).
 *
 *   npx tsx bench/billing.bench.ts            # full sizes
 *   npx tsx bench/billing.bench.ts --quick    # small sizes, a smoke run
 *
 * - `billSubscription` (pure, CORE1): a plan with 3 lines (a flat fee and 2 usage lines: a unit
 *   price and a graduated price), one month of usage, the invoice due at the period end (3 lines:
 *   the next month's flat fee and the month's two usage lines); ops/s over repeated calls.
 */
import { fileURLToPath } from 'node:url';
import { billSubscription, type BillablePlan } from '../src/core';
import { fmt, median } from './support';

/** One figure of the benchmark. */
export interface BillingBenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
}

const PLAN: BillablePlan = {
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    {
      key: 'default',
      rateCards: [
        { key: 'platform', type: 'flat_fee', billingCadence: 'P1M', price: { type: 'flat', amount: 49 } },
        { key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price: { type: 'unit', amount: '0.01' } },
        {
          key: 'tokens',
          type: 'usage_based',
          feature: 'tokens',
          billingCadence: 'P1M',
          price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 1000, unitAmount: 0 }, { upTo: 5000, unitAmount: '0.01' }, { unitAmount: '0.005' }] },
        },
      ],
    },
  ],
};

const INPUT = { plan: PLAN, subscription: { activeFrom: '2024-01-01T00:00:00Z' }, usage: { api_calls: 1500, tokens: 8000 }, at: '2024-02-01T00:00:00Z' } as const;

function billSubscriptionRate(iterations: number): number {
  const [invoice] = billSubscription(INPUT);
  if (invoice?.lines.length !== 3 || invoice.totals.total !== '119.00') {
    throw new Error(`unexpected invoice: ${invoice?.lines.length} lines, total ${invoice?.totals.total}`);
  }
  for (let i = 0; i < Math.min(2000, iterations); i++) billSubscription(INPUT);
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    for (let i = 0; i < iterations; i++) billSubscription(INPUT);
    rates.push((iterations * 1000) / (performance.now() - t));
  }
  return median(rates);
}

/** Runs the billing benchmarks; one row per figure. */
export async function runBillingBench(options: { quick?: boolean } = {}): Promise<BillingBenchRow[]> {
  const quick = options.quick ?? false;
  return [{ name: 'billSubscription, 3 lines (flat + 2 usage), one month', value: billSubscriptionRate(quick ? 2_000 : 20_000), unit: 'ops/s', target: '≥ 20,000' }];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runBillingBench({ quick: process.argv.includes('--quick') });
  console.table(rows.map((r) => ({ benchmark: r.name, result: `${r.value >= 100 ? fmt(r.value) : r.value.toFixed(2)} ${r.unit}`, target: r.target })));
}
