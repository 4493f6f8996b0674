import { describe, expect, it } from 'vitest';
import { parseGrants, sortByBurnOrder, type GrantInput } from '../../../src/core/entitlements';

const g = (id: string, patch: Partial<GrantInput> = {}): GrantInput => ({ id, amount: 1, effectiveAt: '2024-01-01T00:00:00Z', ...patch });
const order = (grants: GrantInput[]): string[] => sortByBurnOrder(parseGrants(grants)).map((x) => x.id);

describe('burn order (D7)', () => {
  it('burns the lowest priority number first', () => {
    expect(order([g('a', { priority: 3 }), g('b', { priority: 1 }), g('c', { priority: 2 })])).toEqual(['b', 'c', 'a']);
  });

  it('then the earliest expiry, a grant without expiry last', () => {
    expect(
      order([g('never'), g('late', { expiresAt: '2024-03-01T00:00:00Z' }), g('soon', { expiresAt: '2024-02-01T00:00:00Z' })]),
    ).toEqual(['soon', 'late', 'never']);
  });

  it('then the earliest effectiveAt, then the id', () => {
    expect(order([g('b'), g('a'), g('old', { effectiveAt: '2023-06-01T00:00:00Z' })])).toEqual(['old', 'a', 'b']);
  });

  it('ranks priority above expiry, and ignores voids', () => {
    expect(
      order([
        g('p2-soon', { priority: 2, expiresAt: '2024-01-02T00:00:00Z' }),
        g('p1-never', { priority: 1, voidedAt: '2024-01-05T00:00:00Z' }),
      ]),
    ).toEqual(['p1-never', 'p2-soon']);
  });

  it('compares ids by code unit (upper case before lower case)', () => {
    expect(order([g('b'), g('B'), g('a')])).toEqual(['B', 'a', 'b']);
  });
});
