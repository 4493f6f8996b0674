import { describe, expect, it } from 'vitest';
import { StateError } from '../../../src/errors';
import {
  cancelAt,
  changeAt,
  continueSubscription,
  subscriptionTimeline,
  type ContinuableSubscription,
  type TimelinePlan,
} from '../../../src/core/subscriptions';
import { d, platform, span, spans } from './fixtures';

function outcome(sub: ContinuableSubscription, now: string): string {
  try {
    const r = continueSubscription(sub, { now: d(now) });
    return `ok:${r.deleteSuccessor ?? '-'}`;
  } catch (e) {
    if (e instanceof StateError) return `state:${e.reason}`;
    throw e;
  }
}

const pro: TimelinePlan = { currency: 'USD', billingCadence: 'P1M', phases: [{ key: 'default', rateCards: [platform('30')] }] };

describe('continueSubscription (SB10)', () => {
  it.each<[string, ContinuableSubscription, string, string]>([
    ['canceled', { activeFrom: d('2024-01-01'), activeTo: d('2024-02-01') }, '2024-01-25', 'ok:-'],
    ['canceled, successor scheduled', { activeFrom: d('2024-01-01'), activeTo: d('2024-02-01'), nextSubscriptionId: 'sub_basic' }, '2024-01-25', 'ok:sub_basic'],
    ['active', { activeFrom: d('2024-01-01') }, '2024-01-25', 'state:invalid_transition'],
    ['scheduled', { activeFrom: d('2024-02-01') }, '2024-01-25', 'state:invalid_transition'],
    ['inactive', { activeFrom: d('2024-01-01'), activeTo: d('2024-02-01') }, '2024-02-01', 'state:invalid_transition'],
    ['inactive, successor started', { activeFrom: d('2024-01-01'), activeTo: d('2024-02-01'), nextSubscriptionId: 'sub_basic' }, '2024-02-02', 'state:invalid_transition'],
  ])('%s → %s', (_name, sub, now, expected) => {
    expect(outcome(sub, now)).toBe(expected);
  });

  it('S26: S25 then continue on Jan 25 — open-ended and active again, billed on past Feb 1; continue on Feb 2 → invalid_transition', () => {
    const activeFrom = d('2024-01-01');
    const { activeTo } = cancelAt({ activeFrom }, { now: d('2024-01-20'), at: d('2024-02-01') });
    const r = continueSubscription({ activeFrom, activeTo }, { now: d('2024-01-25') });
    expect(r).toEqual({ activeTo: null, deleteSuccessor: null });
    const t = subscriptionTimeline({ plan: pro, activeFrom, activeTo: r.activeTo, to: '2024-03-01' });
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-02-01'), span('2024-02-01', '2024-03-01')]);
    expect(outcome({ activeFrom, activeTo }, '2024-02-02')).toBe('state:invalid_transition');
  });

  it('S24: continue(pro) after the change to basic at the next cycle deletes the scheduled basic', () => {
    const current = { activeFrom: d('2024-01-01'), billingAnchor: d('2024-01-01') };
    const change = changeAt(current, { now: d('2024-01-20'), at: d('2024-02-01') });
    expect(outcome({ ...current, activeTo: change.current.activeTo, nextSubscriptionId: 'sub_basic' }, '2024-01-21')).toBe('ok:sub_basic');
  });
});
