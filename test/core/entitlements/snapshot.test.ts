import { describe, expect, it } from 'vitest';
import {
  burnDown,
  burnDownFromSnapshot,
  latestSnapshot,
  snapshotAt,
  snapshotOf,
  type BurnDownInput,
} from '../../../src/core/entitlements';
import { d, meter, recordingMeter } from './helpers';

const input: BurnDownInput = {
  grants: [
    { id: 'monthly', amount: 100, effectiveAt: d(1, 1), minRolloverAmount: 100, maxRolloverAmount: 100 },
    { id: 'topup', amount: 30, priority: 2, effectiveAt: d(1, 20), expiresAt: d(3, 20) },
  ],
  usage: meter([
    { at: d(1, 10), value: 90 },
    { at: d(1, 25), value: 50 },
    { at: d(2, 10), value: 120 },
    { at: d(3, 5), value: 10 },
  ]),
  from: d(1, 1),
  to: d(3, 10),
  resets: [{ at: d(2, 1), preserveOverage: true }, { at: d(3, 1), preserveOverage: true }],
};

describe('snapshots', () => {
  it('records the state right after each reset', () => {
    const r = burnDown(input);
    // Jan: monthly 100 − 90 = 10; Jan 20 topup 30; Jan 25: 50 → monthly 0, topup 0, overage 10.
    // Feb 1: monthly → 100 (min = max = 100), topup keeps 0; overage 10 preserved → monthly 90.
    // Feb 10: 120 → monthly 0, overage 30. Mar 1: monthly → 100, pays 30 → 70. Mar 5: 10 → 60.
    expect(r.snapshots.map((s) => [s.at.toISOString(), s.balances, s.overage, s.usage, s.grantUsage])).toEqual([
      [d(2, 1), { monthly: '90', topup: '0' }, '0', '0', '0'],
      [d(3, 1), { monthly: '70', topup: '0' }, '0', '0', '0'],
    ]);
    // The 30 repaid at the Mar 1 reset settles February's overage: March's grants gave 10, 60 is left.
    expect(r).toMatchObject({ balances: { monthly: '60', topup: '0' }, usage: '10', grantUsage: '10', totalAvailableGrantAmount: '70' });
  });

  it('continues from a stored period-start snapshot with the same result, reading only the current period', () => {
    const full = burnDown(input);
    const stored = full.snapshots[1];
    if (stored === undefined) throw new Error('no snapshot');
    const { reader, calls } = recordingMeter(input.usage);
    const resumed = burnDownFromSnapshot(
      { at: stored.at, balances: stored.balances, overage: stored.overage },
      { grants: input.grants, usage: reader, to: input.to, resets: [] },
    );
    expect(resumed).toMatchObject({
      balances: full.balances,
      overage: full.overage,
      usage: full.usage,
      grantUsage: '10',
    });
    expect(calls).toEqual([[d(3, 1), d(3, 10)]]);
  });

  it('snapshotAt and snapshotOf give a state from which any run continues identically', () => {
    const mid = snapshotAt(input, d(2, 15));
    expect(mid).toMatchObject({ balances: { monthly: '0', topup: '0' }, overage: '30', usage: '120', grantUsage: '90' });
    expect(mid.periodStart.toISOString()).toBe(d(2, 1));
    const resumed = burnDownFromSnapshot(mid, { grants: input.grants, usage: input.usage, to: input.to, resets: input.resets });
    const full = burnDown(input);
    expect({ ...resumed, from: null, segments: null, snapshots: null }).toEqual({ ...full, from: null, segments: null, snapshots: null });
    expect(snapshotOf(full)).toEqual({
      at: full.to,
      periodStart: full.periodStart,
      balances: full.balances,
      overage: full.overage,
      usage: full.usage,
      grantUsage: full.grantUsage,
    });
  });

  it('latestSnapshot picks the newest one at or before the instant', () => {
    const snaps = [{ at: d(1, 1) }, { at: d(3, 1) }, { at: d(2, 1) }];
    expect(latestSnapshot(snaps, d(2, 15))).toBe(snaps[2]);
    expect(latestSnapshot(snaps, d(3, 1))).toBe(snaps[1]);
    expect(latestSnapshot(snaps, '2023-12-31T00:00:00Z')).toBeUndefined();
  });
});
