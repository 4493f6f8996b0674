import { describe, expect, it } from 'vitest';
import { pendingFrom, replayStart } from '../../../src/core/entitlements';

const ms = (iso: string): number => Date.parse(iso);
const snapshot = (at: string, fingerprint = 'f1') => ({ at: new Date(at), fingerprint, balances: { g1: '40' }, overage: '0' });
const origin = ms('2024-01-01T00:00:00Z');

describe('replayStart', () => {
  it.each([
    ['no snapshot: from where usage is measured', ms('2024-03-10T00:00:00Z'), undefined, 'f1', { fromMs: origin, starting: undefined, staleSnapshots: false }],
    ['before usage is measured: from `to` itself', ms('2023-12-01T00:00:00Z'), undefined, 'f1', { fromMs: ms('2023-12-01T00:00:00Z'), starting: undefined, staleSnapshots: false }],
    [
      'a snapshot for this attribution: from it, with its balances',
      ms('2024-03-10T00:00:00Z'),
      snapshot('2024-03-01T00:00:00Z'),
      'f1',
      { fromMs: ms('2024-03-01T00:00:00Z'), starting: { balances: { g1: '40' }, overage: '0' }, staleSnapshots: false },
    ],
    ['a snapshot for another attribution: stale, from the origin', ms('2024-03-10T00:00:00Z'), snapshot('2024-03-01T00:00:00Z', 'f0'), 'f1', { fromMs: origin, starting: undefined, staleSnapshots: true }],
    ['a snapshot at the origin itself: not used', ms('2024-03-10T00:00:00Z'), snapshot('2024-01-01T00:00:00Z'), 'f1', { fromMs: origin, starting: undefined, staleSnapshots: false }],
  ])('%s', (_name, toMs, snap, fingerprint, expected) => {
    expect(replayStart(origin, toMs, snap, fingerprint)).toEqual(expected);
  });
});

describe('pendingFrom', () => {
  it.each([
    ['no event: none', 1000, [], null],
    ['only past events and one at now: none (an event stamped now is in the tail)', 1000, [900, 1000], null],
    ['the earliest future event', 1000, [1500, 1200, 900], 1200],
  ] as const)('%s', (_name, now, times, expected) => {
    expect(pendingFrom(now, times)).toBe(expected);
  });
});
