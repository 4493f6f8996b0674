import { describe, expect, it } from 'vitest';
import { resolveExpiresAt, type GrantExpiration } from '../../../src/core/entitlements';
import { issuesOf } from './helpers';

describe('resolveExpiresAt', () => {
  it.each([
    ['2024-03-09T12:00:00.123Z', 'HOUR', 5, '2024-03-09T17:00:00.123Z'],
    ['2024-03-09T12:00:00Z', 'DAY', 1, '2024-03-10T12:00:00.000Z'],
    ['2024-03-09T12:00:00Z', 'WEEK', 2, '2024-03-23T12:00:00.000Z'],
    ['2024-01-31T10:20:30.456Z', 'MONTH', 1, '2024-02-29T10:20:30.456Z'],
    ['2024-01-31T10:20:30.456Z', 'MONTH', 3, '2024-04-30T10:20:30.456Z'],
    ['2023-01-31T00:00:00Z', 'MONTH', 1, '2023-02-28T00:00:00.000Z'],
    ['2024-02-29T08:00:00Z', 'YEAR', 1, '2025-02-28T08:00:00.000Z'],
    ['2024-02-29T08:00:00Z', 'YEAR', 4, '2028-02-29T08:00:00.000Z'],
  ] as const)('%s + %i %s', (effectiveAt, duration, count, expected) => {
    expect(resolveExpiresAt(effectiveAt, { duration, count }).toISOString()).toBe(expected);
  });

  it('counts DAY as exactly 24 hours (no zone, no DST)', () => {
    const start = new Date('2024-03-10T05:00:00Z');
    expect(resolveExpiresAt(start, { duration: 'DAY', count: 1 }).getTime() - start.getTime()).toBe(86_400_000);
  });

  it.each([
    [{ duration: 'MINUTE', count: 1 }, 'expiration.duration invalid_enum'],
    [{ duration: 'DAY', count: 0 }, 'expiration.count invalid_integer'],
    [{ duration: 'DAY', count: 1.5 }, 'expiration.count invalid_integer'],
    [{ duration: 'DAY', count: -2 }, 'expiration.count invalid_integer'],
  ])('rejects %j', (expiration, issue) => {
    expect(issuesOf(() => resolveExpiresAt('2024-01-01', expiration as unknown as GrantExpiration))).toEqual([issue]);
  });

  it('rejects a bad effectiveAt and a result outside Date', () => {
    expect(issuesOf(() => resolveExpiresAt('nope', { duration: 'DAY', count: 1 }))).toEqual(['effectiveAt invalid_instant']);
    expect(issuesOf(() => resolveExpiresAt('2024-01-01', { duration: 'YEAR', count: 500_000 }))).toEqual(['expiration.count out_of_range']);
  });
});
