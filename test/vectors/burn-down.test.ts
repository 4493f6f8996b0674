import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  UsagePeriodTimeline,
  burnDown,
  burnDownFromSnapshot,
  issueAfterResetGrant,
  meteredEntitlementValue,
  type BurnDownAggregation,
  type BurnDownReset,
  type BurnDownResult,
  type GrantInput,
  type ManualResetInput,
} from '../../src/core/entitlements';
import { meter, type UsageEvent } from '../core/entitlements/helpers';

interface Expectation {
  balances?: Record<string, string>;
  balance?: string;
  overage?: string;
  usage?: string;
  totalAvailableGrantAmount?: string;
  hasAccess?: boolean;
  reason?: string;
  currentUsagePeriod?: { from: string; to: string };
}

interface Scenario {
  name: string;
  arithmetic: string;
  start: string;
  aggregation?: BurnDownAggregation;
  measureUsageFrom?: string;
  usagePeriod?: {
    anchor: string;
    interval: string;
    measureUsageFrom?: string;
    preserveOverageAtReset?: boolean;
    resets?: ManualResetInput[];
  };
  resets?: BurnDownReset[];
  isSoftLimit?: boolean;
  issueAfterReset?: { amount: string | number; priority?: number };
  grants: GrantInput[];
  usage: UsageEvent[];
  checks: Array<{ at: string; quantity?: string; expect: Expectation }>;
}

const file = JSON.parse(readFileSync(new URL('./burn-down.json', import.meta.url), 'utf8')) as { scenarios: Scenario[] };

function setup(s: Scenario) {
  const timeline = s.usagePeriod === undefined ? undefined : new UsagePeriodTimeline(s.usagePeriod);
  const grants = [...s.grants];
  if (s.issueAfterReset !== undefined) {
    const usagePeriodStart = (timeline?.periodAt(s.start).from ?? new Date(s.start)).toISOString();
    grants.push(issueAfterResetGrant({ id: 'issue-after-reset', ...s.issueAfterReset, usagePeriodStart }));
  }
  const resetsTo = (at: string): BurnDownReset[] =>
    timeline !== undefined
      ? timeline.resetsBetween(s.start, at).map((r) => ({ at: r.at, preserveOverage: r.preserveOverage }))
      : (s.resets ?? []);
  const common = {
    grants,
    usage: meter(s.usage, s.aggregation ?? 'SUM'),
    ...(s.aggregation === undefined ? {} : { aggregation: s.aggregation }),
    ...(s.measureUsageFrom === undefined ? {} : { measureUsageFrom: s.measureUsageFrom }),
  };
  return { timeline, resetsTo, common };
}

function compare(result: BurnDownResult, value: ReturnType<typeof meteredEntitlementValue>, expected: Expectation): void {
  const actual: Record<string, unknown> = {
    balances: result.balances,
    balance: value.balance,
    overage: value.overage,
    usage: value.usage,
    totalAvailableGrantAmount: value.totalAvailableGrantAmount,
    hasAccess: value.hasAccess,
    reason: value.reason,
    currentUsagePeriod:
      value.currentUsagePeriod === undefined
        ? undefined
        : { from: value.currentUsagePeriod.from.toISOString(), to: value.currentUsagePeriod.to.toISOString() },
  };
  const wanted: Record<string, unknown> = { ...expected };
  if (expected.currentUsagePeriod !== undefined) {
    wanted.currentUsagePeriod = {
      from: new Date(expected.currentUsagePeriod.from).toISOString(),
      to: new Date(expected.currentUsagePeriod.to).toISOString(),
    };
  }
  const picked = Object.fromEntries(Object.keys(wanted).map((k) => [k, actual[k]]));
  expect(picked).toEqual(wanted);
}

describe('burn-down vectors', () => {
  it('has at least 40 scenarios, each with its arithmetic written out', () => {
    expect(file.scenarios.length).toBeGreaterThanOrEqual(40);
    for (const s of file.scenarios) {
      expect(s.arithmetic.length, s.name).toBeGreaterThan(20);
      expect(s.checks.length, s.name).toBeGreaterThan(0);
    }
    expect(new Set(file.scenarios.map((s) => s.name)).size).toBe(file.scenarios.length);
  });

  describe.each(file.scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const { timeline, resetsTo, common } = setup(s);

    it.each(s.checks.map((c, i) => [i, c] as const))('check %i', (_i, check) => {
      const result = burnDown({ ...common, from: s.start, to: check.at, resets: resetsTo(check.at) });
      const value = meteredEntitlementValue({
        burnDownResult: result,
        isSoftLimit: s.isSoftLimit,
        quantity: check.quantity,
        currentUsagePeriod: timeline?.periodAt(check.at) ?? { from: result.periodStart, to: new Date(check.at) },
      });
      compare(result, value, check.expect);
    });

    it('gives the same answers when resumed from the last period-start snapshot', () => {
      for (const check of s.checks) {
        const full = burnDown({ ...common, from: s.start, to: check.at, resets: resetsTo(check.at) });
        const snap = full.snapshots.at(-1);
        if (snap === undefined) continue;
        const resumed = burnDownFromSnapshot(
          { at: snap.at, balances: snap.balances, overage: snap.overage },
          { ...common, to: check.at, resets: resetsTo(check.at).filter((r) => new Date(r.at) > snap.at) },
        );
        expect(resumed.balances).toEqual(full.balances);
        expect([resumed.overage, resumed.usage, resumed.totalAvailableGrantAmount]).toEqual([
          full.overage,
          full.usage,
          full.totalAvailableGrantAmount,
        ]);
      }
    });
  });
});
