import { describe, expect, it, vi } from 'vitest';
import { burnDown, burnDownFromMeter, usageWindows, type BurnDownInput, type GrantInput, type QueryUsage } from '../../../src/core/entitlements';
import { d, issuesOf, meter, type UsageEvent } from './helpers';

// usageWindows is wrapped so one case can plan a window twice; every other case runs the real one.
vi.mock('../../../src/core/entitlements/burn-down', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../../src/core/entitlements/burn-down')>();
  return { ...mod, usageWindows: vi.fn(mod.usageWindows) };
});

const grant = (id: string, amount: number, patch: Partial<GrantInput> = {}): GrantInput => ({ id, amount, effectiveAt: d(1, 1), ...patch });
const events: UsageEvent[] = [
  { at: d(1, 3), value: 7 },
  { at: d(1, 10), value: '12.5' },
  { at: d(1, 15), value: 30 },
  { at: d(1, 16), value: 1 },
  { at: d(2, 1), value: 4 },
  { at: d(2, 5), value: 60 },
  { at: d(2, 19, 23), value: '0.25' },
  { at: d(2, 20), value: 1000 },
];

/** An async reader over `events` that records each window it is asked. */
function asyncMeter(aggregation: BurnDownInput['aggregation'] = 'SUM'): { query: QueryUsage; calls: Array<[string, string]> } {
  const sync = meter(events, aggregation);
  const calls: Array<[string, string]> = [];
  return {
    calls,
    query: async (from, to) => {
      calls.push([from.toISOString(), to.toISOString()]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return sync(from, to);
    },
  };
}

const scenarios: Array<[string, Omit<BurnDownInput, 'usage'>]> = [
  ['one grant, one segment', { grants: [grant('a', 100)], from: d(1, 1), to: d(1, 20) }],
  ['expiring promo first, then the monthly grant', { grants: [grant('monthly', 100, { priority: 2 }), grant('promo', 20, { priority: 1, expiresAt: d(1, 15) })], from: d(1, 1), to: d(2, 20) }],
  ['a reset with preserved overage', { grants: [grant('a', 10, { maxRolloverAmount: 10 })], from: d(1, 1), to: d(2, 20), resets: [{ at: d(2, 1), preserveOverage: true }] }],
  ['weekly recurrence, measured from Jan 5', { grants: [grant('r', 15, { recurrence: { interval: 'P1W' } })], from: d(1, 1), to: d(2, 20), measureUsageFrom: d(1, 5) }],
  ['starting state', { grants: [grant('a', 50)], from: d(1, 12), to: d(2, 10), startingBalances: { a: '20' }, startingOverage: '3', startingUsage: '30', startingGrantUsage: '30', periodStart: d(1, 1) }],
  ['COUNT meter', { grants: [grant('a', 5)], from: d(1, 1), to: d(2, 20), aggregation: 'COUNT' }],
  ['LATEST meter with a reset', { grants: [grant('a', 100), grant('p', 20, { priority: 1, expiresAt: d(1, 15) })], from: d(1, 1), to: d(2, 20), aggregation: 'LATEST', resets: [{ at: d(2, 1) }], periodStart: d(1, 1) }],
];

describe('burnDownFromMeter', () => {
  it.each(scenarios)('%s: the same result as burnDown over the same data, each planned window asked once, in order', async (_case, input) => {
    const { query, calls } = asyncMeter(input.aggregation);
    const result = await burnDownFromMeter(input, query);
    expect(result).toEqual(burnDown({ ...input, usage: meter(events, input.aggregation) }));
    const planned = usageWindows(input).map((w): [string, string] => [w.from.toISOString(), w.to.toISOString()]);
    expect(planned.length).toBeGreaterThan(0);
    expect(calls).toEqual(planned);
  });

  it('asks each window in order, never two at once', async () => {
    let inFlight = 0;
    let most = 0;
    const froms: string[] = [];
    const query: QueryUsage = async (from, to) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      froms.push(from.toISOString());
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return meter(events)(from, to);
    };
    await burnDownFromMeter(scenarios[1]![1], query);
    expect(most).toBe(1);
    expect(froms).toEqual([d(1, 1), d(1, 15)]);
  });

  it('asks a window planned twice only once', async () => {
    const input = scenarios[1]![1];
    const real = usageWindows(input);
    expect(real).toHaveLength(2);
    // An extra window the engine never reads proves the planned list (not the engine) drives the queries.
    const extra = { from: new Date(d(3, 1)), to: new Date(d(3, 2)) };
    vi.mocked(usageWindows).mockImplementationOnce(() => [real[0]!, { from: new Date(real[0]!.from), to: new Date(real[0]!.to) }, real[1]!, extra, real[0]!]);
    const { query, calls } = asyncMeter();
    const result = await burnDownFromMeter(input, query);
    expect(calls).toEqual([
      [d(1, 1), d(1, 15)],
      [d(1, 15), d(2, 20)],
      [d(3, 1), d(3, 2)],
    ]);
    expect(result).toEqual(burnDown({ ...input, usage: meter(events) }));
  });

  it('takes exact decimal usage from the query (strings and numbers)', async () => {
    const r = await burnDownFromMeter({ grants: [grant('a', 1)], from: d(1, 1), to: d(1, 2) }, async () => '0.30000000000000000001');
    expect(r).toMatchObject({ balance: '0.69999999999999999999', usage: '0.30000000000000000001', overage: '0' });
    const n = await burnDownFromMeter({ grants: [grant('a', 1)], from: d(1, 1), to: d(1, 2) }, async () => 3);
    expect(n).toMatchObject({ balance: '0', usage: '3', overage: '2' });
  });

  it('rejects with the query error, and with a ValidationError (before any query) for bad input', async () => {
    const boom = new Error('db down');
    await expect(burnDownFromMeter({ grants: [grant('a', 1)], from: d(1, 1), to: d(1, 2) }, async () => Promise.reject(boom))).rejects.toBe(boom);
    const query = vi.fn(async () => 0);
    const error = await burnDownFromMeter({ grants: [grant('a', 1)], from: 'nope', to: d(1, 2) }, query).catch((e: unknown) => e);
    expect(issuesOf(() => {
      throw error;
    })).toEqual(['from invalid_instant']);
    expect(query).not.toHaveBeenCalled();
  });

  it('rejects a query result that is not a decimal, with path usage', async () => {
    const error = await burnDownFromMeter({ grants: [grant('a', 1)], from: d(1, 1), to: d(1, 2) }, async () => 'lots').catch((e: unknown) => e);
    expect(issuesOf(() => {
      throw error;
    })).toEqual(['usage invalid_decimal']);
  });
});
