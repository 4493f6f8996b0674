import { describe, expect, it } from 'vitest';
import { isActiveAt, type EntitlementLifetime } from '../../../src/core/entitlements';
import { d } from './helpers';

const at = (s: string): Date => new Date(s);
const ms = (s: string): number => Date.parse(s);

const lifetime = (patch: Partial<Record<keyof EntitlementLifetime, string | null>> = {}): EntitlementLifetime => ({
  createdAt: at(patch.createdAt ?? d(1, 1)),
  deletedAt: patch.deletedAt == null ? null : at(patch.deletedAt),
  activeFrom: patch.activeFrom == null ? null : at(patch.activeFrom),
  activeTo: patch.activeTo == null ? null : at(patch.activeTo),
});

describe('isActiveAt', () => {
  it.each([
    // [case, lifetime, instant, expected]
    ['all bounds open: active long before creation', {}, '2000-01-01T00:00:00.000Z', true],
    ['all bounds open: active long after', {}, '2100-01-01T00:00:00.000Z', true],
    ['deletedAt: 1 ms before deletion is active', { deletedAt: d(2, 1) }, '2024-01-31T23:59:59.999Z', true],
    ['deletedAt: at the deletion instant is inactive', { deletedAt: d(2, 1) }, d(2, 1), false],
    ['deletedAt: after deletion is inactive', { deletedAt: d(2, 1) }, d(3, 1), false],
    ['activeFrom: 1 ms before is inactive', { activeFrom: d(2, 1) }, '2024-01-31T23:59:59.999Z', false],
    ['activeFrom: the instant itself is active (inclusive)', { activeFrom: d(2, 1) }, d(2, 1), true],
    ['activeTo: 1 ms before is active', { activeTo: d(2, 1) }, '2024-01-31T23:59:59.999Z', true],
    ['activeTo: the instant itself is inactive (exclusive)', { activeTo: d(2, 1) }, d(2, 1), false],
    ['window: inside [activeFrom, activeTo)', { activeFrom: d(2, 1), activeTo: d(3, 1) }, d(2, 15), true],
    ['window: deleted inside the window wins', { activeFrom: d(2, 1), activeTo: d(3, 1), deletedAt: d(2, 10) }, d(2, 15), false],
    ['window: before deletion and inside the window', { activeFrom: d(2, 1), activeTo: d(3, 1), deletedAt: d(2, 10) }, d(2, 9), true],
    ['deletion after activeTo does not extend access', { activeTo: d(2, 1), deletedAt: d(3, 1) }, d(2, 15), false],
    ['empty window (activeFrom == activeTo) is never active', { activeFrom: d(2, 1), activeTo: d(2, 1) }, d(2, 1), false],
    ['createdAt is not a bound (activeFrom null)', { createdAt: d(6, 1) }, d(1, 1), true],
  ] as const)('%s', (_case, patch, instant, expected) => {
    expect(isActiveAt(lifetime(patch), ms(instant))).toBe(expected);
  });
});
