import { describe, expect, it } from 'vitest';
import { entitlementAt, type EntitlementLifetime } from '../../../src/core/entitlements';
import { d } from './helpers';

interface Rec extends EntitlementLifetime {
  id: string;
}

const rec = (id: string, createdAt: string, deletedAt: string | null = null): Rec => ({
  id,
  createdAt: new Date(createdAt),
  deletedAt: deletedAt === null ? null : new Date(deletedAt),
  activeFrom: null,
  activeTo: null,
});

const jan = rec('jan', d(1, 1));
const feb = rec('feb', d(2, 1));
const mar = rec('mar', d(3, 1));
const janDeletedFeb10 = rec('janDel', d(1, 1), d(2, 10));
const febDeletedMar10 = rec('febDel', d(2, 1), d(3, 10));
const decDeletedJan5 = rec('decDel', '2023-12-01T00:00:00.000Z', d(1, 5));

describe('entitlementAt', () => {
  it.each([
    // [case, records, instant, expected id]
    ['empty list', [], d(1, 1), undefined],
    ['single, created before', [jan], d(1, 15), 'jan'],
    ['single, created at the instant (inclusive)', [feb], d(2, 1), 'feb'],
    ['single, created after: the earliest after', [feb], d(1, 15), 'feb'],
    ['latest created at or before wins', [jan, feb, mar], d(2, 15), 'feb'],
    ['latest created at or before wins, any order', [mar, feb, jan], d(2, 15), 'feb'],
    ['created exactly at the instant beats an earlier one', [jan, mar], d(3, 1), 'mar'],
    ['1 ms before creation: the earlier one', [jan, mar], '2024-02-29T23:59:59.999Z', 'jan'],
    ['none before: the earliest created after', [mar, feb], d(1, 15), 'feb'],
    ['a deleted one is skipped for a live one created after', [janDeletedFeb10, mar], d(2, 20), 'mar'],
    ['deleted at exactly the instant counts as deleted', [janDeletedFeb10, mar], d(2, 10), 'mar'],
    ['1 ms before deletion it still applies', [janDeletedFeb10, mar], '2024-02-09T23:59:59.999Z', 'janDel'],
    ['all deleted: the one deleted last', [febDeletedMar10, janDeletedFeb10, decDeletedJan5], d(4, 1), 'febDel'],
    ['all deleted, other order: the one deleted last', [decDeletedJan5, febDeletedMar10, janDeletedFeb10], d(4, 1), 'febDel'],
    ['a live one created after beats every deleted one', [febDeletedMar10, rec('jun', d(6, 1))], d(4, 1), 'jun'],
    ['not yet deleted at the instant: a live record', [febDeletedMar10, janDeletedFeb10], d(2, 5), 'febDel'],
  ] as const)('%s', (_case, records, instant, expected) => {
    expect(entitlementAt(records, Date.parse(instant))?.id).toBe(expected);
  });

  it('returns the record itself (same object), not a copy', () => {
    expect(entitlementAt([jan, feb], Date.parse(d(1, 20)))).toBe(jan);
  });

  it('ties: the one listed last among equal createdAt (at or before), the first among equal createdAt after, the last among equal deletedAt', () => {
    const a = rec('a', d(1, 1));
    const b = rec('b', d(1, 1));
    expect(entitlementAt([a, b], Date.parse(d(2, 1)))?.id).toBe('b');
    expect(entitlementAt([a, b], Date.parse('2023-06-01T00:00:00.000Z'))?.id).toBe('a');
    const x = rec('x', d(1, 1), d(2, 1));
    const y = rec('y', d(1, 2), d(2, 1));
    expect(entitlementAt([x, y], Date.parse(d(3, 1)))?.id).toBe('y');
  });
});

describe('entitlementAt with active windows (a subscription change)', () => {
  const window = (id: string, createdAt: string, activeFrom: string, activeTo: string | null): Rec => ({
    id,
    createdAt: new Date(createdAt),
    deletedAt: null,
    activeFrom: new Date(activeFrom),
    activeTo: activeTo === null ? null : new Date(activeTo),
  });
  // a change on Jan 20 for Feb 1: the current one ends Feb 1, its successor is created Jan 20 and starts Feb 1
  const current = window('current', d(1, 1), d(1, 1), d(2, 1));
  const successor = window('successor', d(1, 20), d(2, 1), null);

  it.each([
    ['before the change starts, the one running wins over the later-created successor', d(1, 25), 'current'],
    ['at the change instant, the successor', d(2, 1), 'successor'],
    ['1 ms before it, the current one', '2024-01-31T23:59:59.999Z', 'current'],
    ['after it, the successor', d(3, 1), 'successor'],
  ] as const)('%s', (_case, instant, expected) => {
    expect(entitlementAt([current, successor], Date.parse(instant))?.id).toBe(expected);
    expect(entitlementAt([successor, current], Date.parse(instant))?.id).toBe(expected);
  });

  it('neither active (after an immediate cancel): falls back to creation order', () => {
    const ended = window('ended', d(1, 1), d(1, 1), d(1, 10));
    expect(entitlementAt([ended], Date.parse(d(1, 15)))?.id).toBe('ended');
  });
});
