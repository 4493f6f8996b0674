import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, type Decimal } from '../../../src/core/money';
import { addDuration } from '../../../src/core/time';
import {
  burnDown,
  burnDownFromSnapshot,
  snapshotAt,
  type BurnDownInput,
  type BurnDownReset,
  type GrantInput,
} from '../../../src/core/entitlements';
import { meter, type UsageEvent } from './helpers';

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);
const FROM = new Date(BASE).toISOString();
const TO = new Date(BASE + 60 * DAY).toISOString();
const at = (hours: number): string => new Date(BASE + hours * 3_600_000).toISOString();

const amount = fc.integer({ min: 0, max: 10_000 }).map((n) => new Dec(n).div(100).toFixed());
const hourIn = (maxDays: number) => fc.integer({ min: 0, max: maxDays * 24 });

interface GrantSpec {
  amount: string;
  priority: number;
  start: number;
  life: number | null;
  voidAfter: number | null;
  recurrence: string | null;
  min: string | null;
  max: string | null;
}

const grantSpec: fc.Arbitrary<GrantSpec> = fc.record({
  amount,
  priority: fc.integer({ min: 1, max: 3 }),
  start: hourIn(50),
  life: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
  voidAfter: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: null }),
  recurrence: fc.option(fc.constantFrom('P1W', 'P10D', 'PT36H'), { nil: null }),
  min: fc.option(amount, { nil: null }),
  max: fc.option(amount, { nil: null }),
});

function toGrant(spec: GrantSpec, i: number, withRecurrence: boolean): GrantInput {
  let min = spec.min;
  let max = spec.max;
  if (min !== null && new Dec(min).gt(max ?? spec.amount)) [min, max] = [max ?? spec.amount, min];
  return {
    id: `g${i}`,
    amount: spec.amount,
    priority: spec.priority,
    effectiveAt: at(spec.start),
    expiresAt: spec.life === null ? null : at(spec.start + spec.life),
    voidedAt: spec.voidAfter === null ? null : at(spec.start + spec.voidAfter),
    ...(min === null ? {} : { minRolloverAmount: min }),
    ...(max === null ? {} : { maxRolloverAmount: max }),
    ...(withRecurrence && spec.recurrence !== null ? { recurrence: { interval: spec.recurrence } } : {}),
  };
}

const events: fc.Arbitrary<UsageEvent[]> = fc.array(
  fc.record({ at: hourIn(60).map(at), value: fc.integer({ min: 0, max: 5_000 }).map((n) => new Dec(n).div(100).toFixed()) }),
  { maxLength: 20 },
);

const resets: fc.Arbitrary<BurnDownReset[]> = fc.array(
  fc.record({ at: hourIn(60).map(at), preserveOverage: fc.boolean() }),
  { maxLength: 4 },
);

/** A burn-down input whose grants are plain inputs (the properties read them back). */
type Scenario = BurnDownInput & { grants: GrantInput[] };

function scenario(opts: { recurrence: boolean; resets: boolean; latest?: boolean }): fc.Arbitrary<Scenario> {
  return fc
    .record({ grants: fc.array(grantSpec, { maxLength: 5 }), events, resets: opts.resets ? resets : fc.constant([]) })
    .map(({ grants, events: evs, resets: rs }) => ({
      grants: grants.map((g, i) => toGrant(g, i, opts.recurrence)),
      usage: meter(evs, opts.latest === true ? 'LATEST' : 'SUM'),
      ...(opts.latest === true ? { aggregation: 'LATEST' as const } : {}),
      from: FROM,
      to: TO,
      resets: rs,
    }));
}

const state = (r: ReturnType<typeof burnDown>) => ({
  balances: r.balances,
  overage: r.overage,
  usage: r.usage,
  grantUsage: r.grantUsage,
  total: r.totalAvailableGrantAmount,
  periodStart: r.periodStart.toISOString(),
});

describe('burn-down properties', () => {
  it('Σ grant usages + overage = usage in every segment; balances stay within [0, max(amount, maxRollover)]', () => {
    fc.assert(
      fc.property(scenario({ recurrence: true, resets: true }), (input) => {
        const r = burnDown(input);
        const cap = new Map(input.grants.map((g) => [g.id, Dec.max(new Dec(g.amount), new Dec(g.maxRolloverAmount ?? g.amount))]));
        for (const s of r.segments) {
          const burnt = s.grantUsages.reduce((sum, u) => sum.plus(u.usage), new Dec(0));
          expect(burnt.plus(s.overage).eq(s.usage)).toBe(true);
          for (const [id, b] of Object.entries(s.balances)) {
            expect(new Dec(b).gte(0) && new Dec(b).lte(cap.get(id) ?? 0)).toBe(true);
          }
          for (const u of s.grantUsages) expect(new Dec(u.usage).gt(0)).toBe(true);
        }
        expect(new Dec(r.overage).gte(0)).toBe(true);
        if (new Dec(r.overage).gt(0)) expect(new Dec(r.balance).isZero()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never spends more than the grants hold: usage − overage = Σ (amount − what is left), without resets or refills', () => {
    fc.assert(
      fc.property(scenario({ recurrence: false, resets: false }), (input) => {
        const r = burnDown(input);
        const last = new Map<string, string>();
        for (const s of r.segments) for (const [id, b] of Object.entries(s.balances)) last.set(id, b);
        for (const [id, b] of Object.entries(r.balances)) last.set(id, b);
        let spent = new Dec(0);
        for (const g of input.grants) {
          const left = last.get(g.id);
          if (left === undefined) continue;
          const used = new Dec(g.amount).minus(left);
          expect(used.gte(0)).toBe(true);
          spent = spent.plus(used);
        }
        expect(new Dec(r.usage).minus(r.overage).eq(spent)).toBe(true);
        expect(new Dec(r.grantUsage).eq(spent)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a run from a snapshot equals the run from the start (any instant, and period-start snapshots)', () => {
    fc.assert(
      fc.property(scenario({ recurrence: true, resets: true }), hourIn(60), (input, midHour) => {
        const full = burnDown(input);
        const mid = snapshotAt(input, at(midHour));
        const rest = { grants: input.grants, usage: input.usage, to: input.to, resets: input.resets };
        expect(state(burnDownFromSnapshot(mid, rest))).toEqual(state(full));
        for (const s of full.snapshots) {
          const resumed = burnDownFromSnapshot({ at: s.at, balances: s.balances, overage: s.overage }, rest);
          expect(state(resumed)).toEqual(state(full));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('LATEST: a run from a snapshot equals the run from the start', () => {
    fc.assert(
      fc.property(scenario({ recurrence: false, resets: true, latest: true }), hourIn(60), (input, midHour) => {
        const full = burnDown(input);
        const mid = snapshotAt(input, at(midHour));
        const rest = { grants: input.grants, usage: input.usage, to: input.to, resets: input.resets, aggregation: 'LATEST' as const };
        expect(state(burnDownFromSnapshot(mid, rest))).toEqual(state(full));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a naive event-by-event model', () => {
    fc.assert(
      fc.property(scenario({ recurrence: true, resets: true }), (input) => {
        const r = burnDown(input);
        const model = naiveModel(input);
        expect({ balances: r.balances, overage: r.overage }).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it('LATEST: balance = max(0, Σ active amounts − usage), overage = max(0, usage − Σ)', () => {
    fc.assert(
      fc.property(fc.array(grantSpec, { maxLength: 4 }), events, hourIn(60), (specs, evs, checkHour) => {
        const grants = specs.map((g, i) => toGrant(g, i, false));
        const to = at(checkHour);
        const r = burnDown({ grants, usage: meter(evs, 'LATEST'), aggregation: 'LATEST', from: FROM, to });
        const toMs = Date.parse(to);
        const active = grants.filter((g) => {
          const end = Math.min(g.expiresAt ? Date.parse(String(g.expiresAt)) : Infinity, g.voidedAt ? Date.parse(String(g.voidedAt)) : Infinity);
          return Date.parse(String(g.effectiveAt)) <= toMs && toMs < end;
        });
        const sum = active.reduce((s, g) => s.plus(String(g.amount)), new Dec(0));
        const usage = new Dec(String(meter(evs, 'LATEST')(new Date(FROM), new Date(to))));
        expect(r.usage).toBe(usage.toFixed());
        expect(new Dec(r.balance).eq(Dec.max(0, sum.minus(usage)))).toBe(true);
        expect(new Dec(r.overage).eq(Dec.max(0, usage.minus(sum)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

/** An independent, slow model: walks every instant and every event in time order. */
function naiveModel(input: Scenario): { balances: Record<string, string>; overage: string } {
  const from = Date.parse(String(input.from));
  const to = Date.parse(String(input.to));
  const grants = input.grants.map((g) => ({
    g,
    start: Date.parse(String(g.effectiveAt)),
    end: Math.min(g.expiresAt ? Date.parse(String(g.expiresAt)) : Infinity, g.voidedAt ? Date.parse(String(g.voidedAt)) : Infinity),
    expiry: g.expiresAt ? Date.parse(String(g.expiresAt)) : Infinity,
    refills: new Set<number>(),
  }));
  for (const x of grants) {
    if (!x.g.recurrence) continue;
    for (let k = 1; ; k += 1) {
      const t = addDuration(String(x.g.effectiveAt), x.g.recurrence.interval, { times: k }).getTime();
      if (t > to) break;
      x.refills.add(t);
    }
  }
  const order = [...grants].sort(
    (a, b) => (a.g.priority ?? 1) - (b.g.priority ?? 1) || a.expiry - b.expiry || a.start - b.start || (a.g.id < b.g.id ? -1 : 1),
  );
  const balances = new Map<string, Decimal>();
  let overage = new Dec(0);
  const burn = (n: Decimal): Decimal => {
    let left = n;
    for (const x of order) {
      const b = balances.get(x.g.id);
      if (b === undefined || left.lte(0)) continue;
      const take = Dec.min(b, left);
      balances.set(x.g.id, b.minus(take));
      left = left.minus(take);
    }
    return left;
  };
  const instantsOf = new Set<number>([to]);
  for (const x of grants) for (const t of [x.start, x.end, ...x.refills]) if (t > from && t <= to) instantsOf.add(t);
  const resetAt = new Map<number, boolean>();
  for (const r of input.resets ?? []) {
    const t = Date.parse(String(r.at));
    if (t > from && t <= to) {
      resetAt.set(t, (resetAt.get(t) ?? false) || r.preserveOverage === true);
      instantsOf.add(t);
    }
  }
  for (const x of grants) if (x.start <= from && from < x.end) balances.set(x.g.id, new Dec(x.g.amount));
  const reader = input.usage;
  let cursor = from;
  for (const t of [...instantsOf].sort((a, b) => a - b)) {
    // the usage of [cursor, t), read hour by hour (not per segment) and burnt as it comes
    for (let h = cursor; h < t; h = Math.min(t, h + 3_600_000)) {
      const u = new Dec(String(reader(new Date(h), new Date(Math.min(t, h + 3_600_000)))));
      overage = overage.plus(burn(u));
    }
    for (const x of grants) if (x.end <= t) balances.delete(x.g.id);
    const preserve = resetAt.get(t);
    if (preserve !== undefined) {
      for (const x of grants) {
        const b = balances.get(x.g.id);
        if (b === undefined) continue;
        const min = new Dec(x.g.minRolloverAmount ?? 0);
        const max = new Dec(x.g.maxRolloverAmount ?? x.g.amount);
        balances.set(x.g.id, Dec.min(max, Dec.max(min, b)));
      }
      if (!preserve) overage = new Dec(0);
    }
    for (const x of grants) if (x.refills.has(t) && balances.has(x.g.id) && t > x.start) balances.set(x.g.id, new Dec(x.g.amount));
    for (const x of grants) if (!balances.has(x.g.id) && x.start <= t && t < x.end) balances.set(x.g.id, new Dec(x.g.amount));
    overage = burn(overage);
    cursor = t;
  }
  const out: Record<string, string> = {};
  for (const x of order) {
    const b = balances.get(x.g.id);
    if (b !== undefined) out[x.g.id] = b.isZero() ? '0' : b.toFixed();
  }
  return { balances: out, overage: overage.isZero() ? '0' : overage.toFixed() };
}
