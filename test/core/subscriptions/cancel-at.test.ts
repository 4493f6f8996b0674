import { describe, expect, it } from 'vitest';
import type { EntitlementTemplate, RateCard } from '../../../src/core/catalog';
import { ConflictError, StateError, ValidationError } from '../../../src/errors';
import {
  cancelAt,
  subscriptionTimeline,
  timelineEntitlements,
  type CancelableSubscription,
  type Proration,
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

describe('cancelAt (SB9)', () => {
  const active: CancelableSubscription = { activeFrom: d('2024-01-01') };
  it.each<[string, CancelableSubscription, string, string, Proration | undefined, string]>([
    ['active, at a period end', active, '2024-01-20', '2024-02-01', undefined, 'ok'],
    ['active, immediate', active, '2024-01-11', '2024-01-11', 'full_period', 'ok'],
    ['active, at its very start', active, '2024-01-01', '2024-01-01', undefined, 'ok'],
    ['scheduled (S35: delete it instead)', { activeFrom: d('2024-02-01') }, '2024-01-20', '2024-02-01', undefined, 'state:invalid_transition'],
    ['canceled', { activeFrom: d('2024-01-01'), activeTo: d('2024-02-01') }, '2024-01-20', '2024-01-25', undefined, 'state:invalid_transition'],
    ['inactive', { activeFrom: d('2024-01-01'), activeTo: d('2024-01-10') }, '2024-01-20', '2024-01-25', undefined, 'state:invalid_transition'],
    ['deleted', { activeFrom: d('2024-01-01'), deletedAt: d('2024-01-05') }, '2024-01-20', '2024-01-25', undefined, 'state:invalid_transition'],
    ['successor scheduled (SB7a)', { activeFrom: d('2024-01-01'), activeTo: d('2024-02-01'), hasScheduledSuccessor: true }, '2024-01-21', '2024-02-01', undefined, 'conflict:successor_scheduled'],
    ['in the past', active, '2024-01-20', '2024-01-19', undefined, 'timing:timing_in_past'],
  ])('%s → %s', (_name, sub, now, at, proration, expected) => {
    expect(outcome(() => cancelAt(sub, { now: d(now), at: d(at), proration }))).toBe(expected);
  });

  it('sets activeTo = t and passes proration through (default prorate)', () => {
    expect(cancelAt(active, { now: d('2024-01-20'), at: d('2024-02-01') })).toEqual({ activeTo: d('2024-02-01'), proration: 'prorate' });
    expect(cancelAt(active, { now: d('2024-01-11'), at: d('2024-01-11'), proration: 'full_period' }).proration).toBe('full_period');
  });

  it('S25: cancel(next_billing_cycle) on Jan 20 — canceled until Feb 1; phases, items, entitlements and billing periods end there', () => {
    const { activeTo } = cancelAt(active, { now: d('2024-01-20'), at: d('2024-02-01') });
    const t = subscriptionTimeline({ plan: pro, activeFrom: active.activeFrom, activeTo });
    expect(spans(t.phases)).toEqual([span('2024-01-01', '2024-02-01')]);
    expect(t.phases[0]?.items.map((i) => i.to?.toISOString())).toEqual(['2024-02-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z']);
    expect(spans(timelineEntitlements(t).map((e) => ({ from: e.activeFrom, to: e.activeTo })))).toEqual([span('2024-01-01', '2024-02-01')]);
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-02-01')]);
  });

  it('S28: cancel at 2024-01-20T12:00Z, decided Jan 5 — the last period is cut there, not at a boundary', () => {
    const { activeTo } = cancelAt(active, { now: d('2024-01-05'), at: d('2024-01-20T12:00:00Z') });
    const t = subscriptionTimeline({ plan: pro, activeFrom: active.activeFrom, activeTo });
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-01-20T12:00:00Z')]);
  });

  it('S27/S29: cancel now on Jan 11, with full_period — the cut period is kept, proration handed to billing', () => {
    const r = cancelAt(active, { now: d('2024-01-11'), at: d('2024-01-11'), proration: 'full_period' });
    expect(r).toEqual({ activeTo: d('2024-01-11'), proration: 'full_period' });
    const t = subscriptionTimeline({ plan: pro, activeFrom: active.activeFrom, activeTo: r.activeTo });
    expect(t.billingPeriods.map((p) => [p.from.toISOString(), p.to.toISOString(), p.fullPeriod.to.toISOString()])).toEqual([
      ['2024-01-01T00:00:00.000Z', '2024-01-11T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
    ]);
  });

  it('S35: a subscription scheduled for Feb 1 cannot be canceled on Jan 20; kept, it cancels Feb 10 at the next cycle (Mar 1)', () => {
    const scheduled = { activeFrom: d('2024-02-01') };
    expect(outcome(() => cancelAt(scheduled, { now: d('2024-01-20'), at: d('2024-01-20') }))).toBe('state:invalid_transition');
    expect(cancelAt(scheduled, { now: d('2024-02-10'), at: d('2024-03-01') }).activeTo).toEqual(d('2024-03-01'));
  });
});
