import { describe, expect, it } from 'vitest';
import type { EntitlementTemplate, RateCard } from '../../../src/core/catalog';
import { ConflictError, StateError, ValidationError } from '../../../src/errors';
import {
  changeAt,
  nextMigrationVersion,
  subscriptionTimeline,
  type PlanVersionDates,
  type TimelinePlan,
} from '../../../src/core/subscriptions';
import { d, platform, span, spans } from './fixtures';

function outcome(f: () => unknown): string {
  try {
    const r = f();
    return r === undefined ? 'undefined' : 'ok';
  } catch (e) {
    if (e instanceof ConflictError) return `conflict:${String(e.reason)}`;
    if (e instanceof StateError) return `state:${e.reason}`;
    if (e instanceof ValidationError) return `${e.issues[0]?.path}:${e.issues[0]?.code}`;
    throw e;
  }
}

const template: EntitlementTemplate = { type: 'metered', issueAfterReset: { amount: '10000' } };
const api: RateCard = { key: 'api', type: 'usage_based', feature: 'api_calls', price: { type: 'unit', amount: '0.01' }, billingCadence: 'P1M', entitlementTemplate: template };
const pro: TimelinePlan = { currency: 'USD', billingCadence: 'P1M', phases: [{ key: 'default', rateCards: [platform('30'), api] }] };

describe('changeAt (SB11)', () => {
  const current = { activeFrom: d('2024-01-01'), billingAnchor: d('2024-01-01') };
  it.each<[string, Parameters<typeof changeAt>[0], string, string, string]>([
    ['active', current, '2024-01-16', '2024-01-16', 'ok'],
    ['scheduled', { ...current, activeFrom: d('2024-02-01') }, '2024-01-16', '2024-02-01', 'state:invalid_transition'],
    ['canceled', { ...current, activeTo: d('2024-02-01') }, '2024-01-16', '2024-01-16', 'state:invalid_transition'],
    ['successor scheduled', { ...current, activeTo: d('2024-02-01'), hasScheduledSuccessor: true }, '2024-01-21', '2024-02-01', 'conflict:successor_scheduled'],
    ['in the past', current, '2024-01-16', '2024-01-15', 'timing:timing_in_past'],
  ])('%s → %s', (_name, sub, now, at, expected) => {
    expect(outcome(() => changeAt(sub, { now: d(now), at: d(at) }))).toBe(expected);
  });

  it("the successor's anchor defaults to the current's, else as given (an instant or a phase start)", () => {
    const at = { now: d('2024-01-20'), at: d('2024-02-01') };
    expect(changeAt({ ...current, billingAnchor: d('2024-01-15') }, at).next.billingAnchor).toEqual(d('2024-01-15'));
    expect(changeAt(current, { ...at, billingAnchor: d('2024-02-01') }).next.billingAnchor).toEqual(d('2024-02-01'));
    expect(changeAt(current, { ...at, billingAnchor: { phaseStart: 'default' } }).next.billingAnchor).toEqual({ phaseStart: 'default' });
  });

  it('migrate refusals name migrate', () => {
    const sub = { ...current, activeFrom: d('2024-02-01') };
    expect(outcome(() => changeAt(sub, { now: d('2024-01-16'), at: d('2024-02-01'), action: 'migrate' }))).toBe('state:invalid_transition');
  });

  it('S23: change(basic → pro, immediate) on Jan 16 — basic ends Jan 16, pro starts Jan 16 anchored Jan 1, active', () => {
    const r = changeAt(current, { now: d('2024-01-16'), at: d('2024-01-16') });
    expect(r).toEqual({ current: { activeTo: d('2024-01-16'), proration: 'prorate' }, next: { activeFrom: d('2024-01-16'), billingAnchor: d('2024-01-01') } });
    const next = subscriptionTimeline({ plan: pro, activeFrom: r.next.activeFrom, billingAnchor: r.next.billingAnchor, to: '2024-03-01' });
    expect(spans(next.billingPeriods)).toEqual([span('2024-01-16', '2024-02-01'), span('2024-02-01', '2024-03-01')]);
  });

  it('S24: change(→ basic, next_billing_cycle) on Jan 20 — pro canceled to Feb 1, basic from Feb 1 (anchor Jan 1); a second change Jan 21 → successor_scheduled', () => {
    const r = changeAt(current, { now: d('2024-01-20'), at: d('2024-02-01') });
    expect(r.current.activeTo).toEqual(d('2024-02-01'));
    expect(r.next).toEqual({ activeFrom: d('2024-02-01'), billingAnchor: d('2024-01-01') });
    const again = { ...current, activeTo: r.current.activeTo, hasScheduledSuccessor: true };
    expect(outcome(() => changeAt(again, { now: d('2024-01-21'), at: d('2024-01-21') }))).toBe('conflict:successor_scheduled');
  });
});

describe('nextMigrationVersion (SB12)', () => {
  const pub = (version: number, from: string | null, to: string | null = null): PlanVersionDates => ({
    version,
    effectiveFrom: from === null ? null : d(from),
    effectiveTo: to === null ? null : d(to),
  });
  // S34: pro v1 from Jan 1, v2 published Jan 10 (v1 archived then); v3 a draft
  const versions = [pub(1, '2024-01-01', '2024-01-10'), pub(2, '2024-01-10'), pub(3, null)];
  const run = (current: { key: string; version: number } | null, requested: number | undefined): string => {
    let got: PlanVersionDates | undefined;
    const o = outcome(() => (got = nextMigrationVersion(versions, current, requested, d('2024-01-20'))));
    return o === 'ok' ? `v${got?.version}` : o;
  };
  it.each<[string, { key: string; version: number } | null, number | undefined, string]>([
    ['default: the latest active', { key: 'pro', version: 1 }, undefined, 'v2'],
    ['named newer', { key: 'pro', version: 1 }, 2, 'v2'],
    ['default, already on it', { key: 'pro', version: 2 }, undefined, 'version:not_newer'],
    ['named same', { key: 'pro', version: 2 }, 2, 'version:not_newer'],
    ['named older', { key: 'pro', version: 2 }, 1, 'version:not_newer'],
    ['named newer draft', { key: 'pro', version: 2 }, 3, 'state:plan_not_subscribable'],
    ['unknown version', { key: 'pro', version: 1 }, 9, 'undefined'],
    ['custom plan', null, undefined, 'state:custom_plan'],
    ['custom plan, named', null, 2, 'state:custom_plan'],
  ])('%s → %s', (_name, current, requested, expected) => {
    expect(run(current, requested)).toBe(expected);
  });

  it('S34: on Jan 20 pro v1 migrates (next_billing_cycle) to v2 from Feb 1, keeping its anchor', () => {
    expect(run({ key: 'pro', version: 1 }, undefined)).toBe('v2');
    const r = changeAt({ activeFrom: d('2024-01-01'), billingAnchor: d('2024-01-01') }, { now: d('2024-01-20'), at: d('2024-02-01'), action: 'migrate' });
    expect(r.next).toEqual({ activeFrom: d('2024-02-01'), billingAnchor: d('2024-01-01') });
  });
});
