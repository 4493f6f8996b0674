import { describe, expect, it } from 'vitest';
import { burnDown, isPreparedGrants, prepareGrants, type GrantInput } from '../../../src/core/entitlements';
import { d, issuesOf, meter } from './helpers';

const grants: GrantInput[] = [
  { id: 'b', amount: 50, priority: 2, effectiveAt: d(1, 1) },
  { id: 'a', amount: 20, priority: 1, effectiveAt: d(1, 1), expiresAt: d(1, 15) },
];

describe('prepareGrants', () => {
  it('validates once and gives the same burn-down as the raw grants', () => {
    const prepared = prepareGrants(grants);
    expect(isPreparedGrants(prepared)).toBe(true);
    expect(isPreparedGrants(grants)).toBe(false);
    expect(prepared.grants.map((g) => g.id)).toEqual(['a', 'b']);
    const input = { usage: meter([{ at: d(1, 10), value: 30 }]), from: d(1, 1), to: d(1, 20) };
    // a gives 20, b gives 10: b = 40; a expires Jan 15.
    expect(burnDown({ ...input, grants: prepared })).toEqual(burnDown({ ...input, grants }));
    expect(burnDown({ ...input, grants: prepared }).balances).toEqual({ b: '40' });
  });

  it('is frozen and rejects bad grants like parseGrants', () => {
    expect(Object.isFrozen(prepareGrants(grants))).toBe(true);
    expect(issuesOf(() => prepareGrants([{ id: 'x', amount: 1, priority: 999, effectiveAt: d(1, 1) }]))).toEqual([
      'grants[0].priority out_of_range',
    ]);
  });
});
