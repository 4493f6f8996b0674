import { describe, expect, it } from 'vitest';
import { checkDenial, type CheckedEntitlement, type SubscriptionDates } from '../../../src/core/subscriptions';
import { d } from './fixtures';

const ent = (
  from: string | null,
  to: string | null,
  subscription: SubscriptionDates | null = null,
  extra: { createdAt?: string; deletedAt?: string } = {},
): CheckedEntitlement => ({
  createdAt: d(extra.createdAt ?? from ?? '2024-01-01'),
  deletedAt: extra.deletedAt === undefined ? null : d(extra.deletedAt),
  activeFrom: from === null ? null : d(from),
  activeTo: to === null ? null : d(to),
  subscription,
});
const running: SubscriptionDates = { activeFrom: '2024-01-01' };
const ended: SubscriptionDates = { activeFrom: '2024-01-01', activeTo: '2024-02-01' };
const scheduled: SubscriptionDates = { activeFrom: '2024-02-01' };
const deletedScheduled: SubscriptionDates = { activeFrom: '2024-02-01', deletedAt: '2024-01-10' };

describe('checkDenial (EN5)', () => {
  it.each<[string, CheckedEntitlement[], string, string | null]>([
    ['none', [], '2024-01-20', 'no_entitlement'],
    ['an active manual one', [ent('2024-01-01', null)], '2024-01-20', null],
    ['an active subscription one', [ent('2024-01-01', null, running)], '2024-01-20', null],
    ['manual ended', [ent('2024-01-01', '2024-01-10')], '2024-01-20', 'inactive'],
    ['manual not started', [ent('2024-02-01', null)], '2024-01-20', 'inactive'],
    ['manual deleted', [ent('2024-01-01', null, null, { deletedAt: '2024-01-15' })], '2024-01-20', 'inactive'],
    ['subscription ended (inactive)', [ent('2024-01-01', '2024-02-01', ended)], '2024-02-01', 'subscription_inactive'],
    ['subscription scheduled', [ent('2024-02-01', null, scheduled)], '2024-01-20', 'subscription_inactive'],
    ['scheduled subscription deleted', [ent('2024-02-01', null, deletedScheduled, { createdAt: '2024-01-05' })], '2024-01-20', 'subscription_inactive'],
    ['item removed, subscription still active', [ent('2024-01-01', '2024-01-21', running)], '2024-01-25', 'inactive'],
    ['item removed, subscription canceled later', [ent('2024-01-01', '2024-01-21', ended)], '2024-01-25', 'inactive'],
    ['latest manual after an ended subscription', [ent('2024-01-01', '2024-01-10', ended), ent('2024-01-12', '2024-01-15')], '2024-02-10', 'inactive'],
    ['latest subscription after a manual one', [ent('2023-01-01', '2023-12-31'), ent('2024-01-01', '2024-02-01', ended)], '2024-02-10', 'subscription_inactive'],
    ['a future scheduled one is the latest', [ent('2023-01-01', '2023-12-31'), ent('2024-02-01', null, scheduled)], '2024-01-20', 'subscription_inactive'],
    ['one active among ended ones', [ent('2023-01-01', '2023-12-31', ended), ent('2024-01-01', null)], '2024-01-20', null],
    ['same start: the later created wins', [ent('2024-01-01', '2024-01-10', ended, { createdAt: '2024-01-01' }), ent('2024-01-01', '2024-01-10', null, { createdAt: '2024-01-02' })], '2024-01-20', 'inactive'],
    ['null activeFrom reads createdAt', [ent(null, '2024-01-10', null, { createdAt: '2024-01-05' }), ent('2024-01-01', '2024-01-08', ended)], '2024-01-20', 'inactive'],
  ])('%s → %s', (_name, entitlements, at, expected) => {
    expect(checkDenial(entitlements, d(at))).toBe(expected);
  });

  it('S25: pro canceled on Jan 20 to Feb 1 — access at Jan 31 23:59, subscription_inactive at Feb 1', () => {
    const pro = [ent('2024-01-01', '2024-02-01', ended)];
    expect(checkDenial(pro, d('2024-01-31T23:59:00Z'))).toBeNull();
    expect(checkDenial(pro, d('2024-02-01'))).toBe('subscription_inactive');
  });

  it('S35: created Jan 5 to start Feb 1 — check Jan 20 → subscription_inactive; access from Feb 1', () => {
    const sub = [ent('2024-02-01', null, scheduled, { createdAt: '2024-01-05' })];
    expect(checkDenial(sub, d('2024-01-20'))).toBe('subscription_inactive');
    expect(checkDenial(sub, d('2024-02-01'))).toBeNull();
  });

  it('remove_item (SB13) on Jan 21 while the subscription runs → inactive, not subscription_inactive', () => {
    expect(checkDenial([ent('2024-01-16', '2024-01-21', running)], d('2024-01-22'))).toBe('inactive');
  });
});
