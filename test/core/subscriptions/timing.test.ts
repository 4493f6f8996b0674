import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { billingPeriodAt, resolveTiming, subscriptionTimeline } from '../../../src/core/subscriptions';
import { d, launch, pro } from './fixtures';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return `${e.issues[0]?.path}:${e.issues[0]?.code}`;
    throw e;
  }
  return undefined;
}

describe('resolveTiming (SB8)', () => {
  const context = { now: '2024-01-20T00:00:00Z', currentPeriodEnd: '2024-02-01T00:00:00Z' };
  it.each([
    ['immediate', '2024-01-20T00:00:00Z'],
    ['next_billing_cycle', '2024-02-01T00:00:00Z'],
    ['2024-01-20T00:00:00Z', '2024-01-20T00:00:00Z'], // now itself is not in the past
    ['2024-01-20T12:00:00Z', '2024-01-20T12:00:00Z'], // not necessarily a period boundary
    [d('2024-03-01'), '2024-03-01T00:00:00Z'],
  ])('%s → %s', (timing, expected) => {
    expect(resolveTiming(timing, context).toISOString()).toBe(new Date(expected).toISOString());
  });

  it.each([
    ['2024-01-19T23:59:59.999Z', context, 'timing:timing_in_past'],
    ['yesterday', context, 'timing:invalid_instant'],
    ['next_billing_cycle', { now: '2024-02-01', currentPeriodEnd: '2024-02-01' }, 'currentPeriodEnd:invalid_range'],
  ])('%s refused: %s', (timing, ctx, expected) => {
    expect(code(() => resolveTiming(timing, ctx))).toBe(expected);
  });

  it('S24/S25: next_billing_cycle on Jan 20 of a monthly subscription from Jan 1 is Feb 1', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-03-01' });
    const now = d('2024-01-20');
    const current = billingPeriodAt(t.billingPeriods, now);
    expect(resolveTiming('next_billing_cycle', { now, currentPeriodEnd: current?.to ?? now }).toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  it('S13: next_billing_cycle on Feb 20 of launch is Mar 1, the next phase start', () => {
    const t = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', to: '2024-05-01' });
    const current = billingPeriodAt(t.billingPeriods, '2024-02-20');
    expect(current?.phase).toBe('intro');
    expect(current?.to.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(t.phases[1]?.from.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('S14: next_billing_cycle is at most the phase end (Mar 10, not Apr 1)', () => {
    const t = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-10', billingAnchor: '2024-01-01', to: '2024-05-01' });
    expect(billingPeriodAt(t.billingPeriods, '2024-03-05')?.to.toISOString()).toBe('2024-03-10T00:00:00.000Z');
  });

  it('S28: cancel at a future instant on Jan 5', () => {
    expect(resolveTiming('2024-01-20T12:00Z', { now: '2024-01-05', currentPeriodEnd: '2024-02-01' }).toISOString()).toBe(
      '2024-01-20T12:00:00.000Z',
    );
  });
});
