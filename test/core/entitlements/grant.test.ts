import { describe, expect, it } from 'vitest';
import { isGrantActiveAt, parseGrants, type GrantInput } from '../../../src/core/entitlements';
import { issuesOf } from './helpers';

const base: GrantInput = { id: 'g', amount: '100', effectiveAt: '2024-01-01T00:00:00Z' };

describe('parseGrants', () => {
  it('applies the defaults: priority 1, min rollover 0, max rollover = amount, no expiry, no recurrence', () => {
    const [g] = parseGrants([base]);
    expect(g).toMatchObject({ id: 'g', priority: 1, expiresAt: null, voidedAt: null, recurrence: null });
    expect(g?.amount.toFixed()).toBe('100');
    expect(g?.minRolloverAmount.toFixed()).toBe('0');
    expect(g?.maxRolloverAmount.toFixed()).toBe('100');
    expect(g?.effectiveAt).toBe(Date.UTC(2024, 0, 1));
    expect(g?.activeUntil).toBe(Infinity);
  });

  it('reads decimals exactly, from strings and numbers', () => {
    const [g] = parseGrants([{ ...base, amount: 0.1, minRolloverAmount: '0.05', maxRolloverAmount: 0.07 }]);
    expect(g?.amount.toFixed()).toBe('0.1');
    expect(g?.minRolloverAmount.toFixed()).toBe('0.05');
    expect(g?.maxRolloverAmount.toFixed()).toBe('0.07');
  });

  it('takes the earlier of expiry and void as the end of activity', () => {
    const [a, b] = parseGrants([
      { ...base, id: 'a', expiresAt: '2024-02-01T00:00:00Z', voidedAt: '2024-01-15T00:00:00Z' },
      { ...base, id: 'b', expiresAt: '2024-02-01T00:00:00Z', voidedAt: null },
    ]);
    expect(a?.activeUntil).toBe(Date.UTC(2024, 0, 15));
    expect(b?.activeUntil).toBe(Date.UTC(2024, 1, 1));
  });

  it('defaults the recurrence anchor to effectiveAt', () => {
    const [g] = parseGrants([{ ...base, effectiveAt: '2024-01-31T00:00:00Z', recurrence: { interval: 'P1M' } }]);
    expect(g?.recurrence?.anchor).toBe(Date.UTC(2024, 0, 31));
    expect(g?.recurrence?.series.boundary(1)).toBe(Date.UTC(2024, 1, 29));
  });

  it('accepts priority 1 and 255, an amount of 0 and expiry equal to effectiveAt', () => {
    expect(parseGrants([{ ...base, priority: 255, amount: 0, expiresAt: base.effectiveAt }])).toHaveLength(1);
    expect(parseGrants([{ ...base, priority: 1 }])[0]?.priority).toBe(1);
  });

  it.each([
    [{ priority: 0 }, 'grants[0].priority out_of_range'],
    [{ priority: 256 }, 'grants[0].priority out_of_range'],
    [{ priority: 1.5 }, 'grants[0].priority out_of_range'],
    [{ amount: '-1' }, 'grants[0].amount negative'],
    [{ amount: '1e3' }, 'grants[0].amount invalid_decimal'],
    [{ effectiveAt: '2024-13-01' }, 'grants[0].effectiveAt invalid_instant'],
    [{ expiresAt: '2023-12-31T23:59:59.999Z' }, 'grants[0].expiresAt expires_before_effective'],
    [{ voidedAt: 'yesterday' }, 'grants[0].voidedAt invalid_instant'],
    [{ minRolloverAmount: 101 }, 'grants[0].minRolloverAmount min_above_max'],
    [{ minRolloverAmount: 5, maxRolloverAmount: 4 }, 'grants[0].minRolloverAmount min_above_max'],
    [{ maxRolloverAmount: -4 }, 'grants[0].maxRolloverAmount negative'],
    [{ recurrence: { interval: 'P0D' } }, 'grants[0].recurrence.interval invalid_interval'],
    [{ recurrence: { interval: 'PT0S' } }, 'grants[0].recurrence.interval invalid_interval'],
    [{ recurrence: { interval: 'P1.5D' } }, 'grants[0].recurrence.interval invalid_duration'],
    [{ recurrence: { interval: 'P1M', anchor: 'soon' } }, 'grants[0].recurrence.anchor invalid_instant'],
    [{ id: '' }, 'grants[0].id invalid_type'],
  ] as Array<[Partial<GrantInput>, string]>)('rejects %j', (patch, issue) => {
    expect(issuesOf(() => parseGrants([{ ...base, ...patch }]))).toEqual([issue]);
  });

  it('reports every problem of every grant at once, with its index', () => {
    const grants = [
      base,
      { ...base, id: 'b', amount: -5, priority: 300 },
      { ...base, id: 'g' },
      { ...base, id: 'c', expiresAt: '2023-01-01T00:00:00Z', recurrence: { interval: 'P0D' } },
    ];
    expect(issuesOf(() => parseGrants(grants))).toEqual([
      'grants[1].amount negative',
      'grants[1].priority out_of_range',
      'grants[2].id duplicate',
      'grants[3].expiresAt expires_before_effective',
      'grants[3].recurrence.interval invalid_interval',
    ]);
  });

  it('rejects a list that is not an array and an entry that is not an object', () => {
    expect(issuesOf(() => parseGrants('x' as unknown as GrantInput[]))).toEqual(['grants invalid_type']);
    expect(issuesOf(() => parseGrants([null as unknown as GrantInput]))).toEqual(['grants[0] invalid_type']);
  });
});

describe('isGrantActiveAt', () => {
  const [g] = parseGrants([{ ...base, expiresAt: '2024-02-01T00:00:00Z' }]);
  it('counts a grant from its effectiveAt (inclusive) to its expiry (exclusive)', () => {
    if (g === undefined) throw new Error('no grant');
    expect(isGrantActiveAt(g, Date.UTC(2023, 11, 31, 23, 59, 59, 999))).toBe(false);
    expect(isGrantActiveAt(g, Date.UTC(2024, 0, 1))).toBe(true);
    expect(isGrantActiveAt(g, Date.UTC(2024, 1, 1) - 1)).toBe(true);
    expect(isGrantActiveAt(g, Date.UTC(2024, 1, 1))).toBe(false);
  });
});
