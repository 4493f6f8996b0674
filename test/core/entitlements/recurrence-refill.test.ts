import { describe, expect, it } from 'vitest';
import { parseGrants, refillInstants, type GrantInput } from '../../../src/core/entitlements';

const instants = (patch: Partial<GrantInput>, after: string, until: string): string[] => {
  const [grant] = parseGrants([{ id: 'g', amount: 10, effectiveAt: '2024-01-31T00:00:00Z', ...patch }]);
  if (grant === undefined) throw new Error('no grant');
  return refillInstants(grant, Date.parse(after), Date.parse(until)).map((ms) => new Date(ms).toISOString().slice(0, 10));
};

describe('refillInstants', () => {
  it('computes each boundary from the anchor (Jan 31 → Feb 29, Mar 31, Apr 30), never chained', () => {
    expect(instants({ recurrence: { interval: 'P1M' } }, '2024-01-31T00:00:00Z', '2024-05-31T00:00:00Z')).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
  });

  it('lists (after, until]: not at `after`, and at `until`', () => {
    expect(instants({ recurrence: { interval: 'P1M' } }, '2024-02-29T00:00:00Z', '2024-03-31T00:00:00Z')).toEqual(['2024-03-31']);
  });

  it('never refills at effectiveAt, before it, or from the expiry or void on', () => {
    const patch: Partial<GrantInput> = {
      effectiveAt: '2024-02-10T00:00:00Z',
      expiresAt: '2024-04-30T00:00:00Z',
      recurrence: { interval: 'P1M', anchor: '2024-01-31T00:00:00Z' },
    };
    expect(instants(patch, '2023-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toEqual(['2024-02-29', '2024-03-31']);
    expect(instants({ ...patch, voidedAt: '2024-03-31T00:00:00Z' }, '2023-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toEqual([
      '2024-02-29',
    ]);
  });

  it('is empty without a recurrence', () => {
    expect(instants({}, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).toEqual([]);
  });
});
