import { describe, expect, it } from 'vitest';
import { subscriptionStatusAt } from '../../../src/core/subscriptions';

describe('subscriptionStatusAt (SB6)', () => {
  it.each([
    ['2024-02-01T00:00:00Z', null, null, '2024-01-31T23:59:59.999Z', 'scheduled'],
    ['2024-02-01T00:00:00Z', null, null, '2024-02-01T00:00:00Z', 'active'],
    ['2024-02-01T00:00:00Z', null, null, '2099-01-01T00:00:00Z', 'active'],
    ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', null, '2024-01-15T00:00:00Z', 'scheduled'],
    ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', null, '2024-02-01T00:00:00Z', 'canceled'],
    ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', null, '2024-02-29T23:59:59.999Z', 'canceled'],
    ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', null, '2024-03-01T00:00:00Z', 'inactive'],
    ['2024-02-01T00:00:00Z', '2024-02-01T00:00:00Z', null, '2024-02-01T00:00:00Z', 'inactive'],
    ['2024-02-01T00:00:00Z', null, '2024-01-10T00:00:00Z', '2024-01-09T00:00:00Z', 'scheduled'],
    ['2024-02-01T00:00:00Z', null, '2024-01-10T00:00:00Z', '2024-01-10T00:00:00Z', 'inactive'],
    ['2024-02-01T00:00:00Z', null, '2024-01-10T00:00:00Z', '2024-03-01T00:00:00Z', 'inactive'],
  ])('from %s to %s, deleted %s, at %s: %s', (activeFrom, activeTo, deletedAt, at, expected) => {
    expect(subscriptionStatusAt({ activeFrom, activeTo, deletedAt }, at)).toBe(expected);
  });

  it('S25: canceled at next billing cycle — canceled until Feb 1, inactive from then', () => {
    const sub = { activeFrom: '2024-01-01T00:00:00Z', activeTo: '2024-02-01T00:00:00Z' };
    expect(subscriptionStatusAt(sub, '2024-01-20T00:00:00Z')).toBe('canceled');
    expect(subscriptionStatusAt(sub, '2024-02-01T00:00:00Z')).toBe('inactive');
  });

  it('S26: continued (activeTo null) it is active again', () => {
    expect(subscriptionStatusAt({ activeFrom: '2024-01-01T00:00:00Z', activeTo: null }, '2024-01-25T00:00:00Z')).toBe('active');
  });

  it('S27: canceled now is inactive at once', () => {
    expect(subscriptionStatusAt({ activeFrom: '2024-01-01', activeTo: '2024-01-11' }, '2024-01-11')).toBe('inactive');
  });

  it('accepts Date inputs', () => {
    expect(subscriptionStatusAt({ activeFrom: new Date('2024-01-01') }, new Date('2023-12-31'))).toBe('scheduled');
  });
});
