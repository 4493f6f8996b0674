import { describe, expect, it } from 'vitest';
import { planStatus } from '../../../src/core/catalog';

const d = (iso: string) => new Date(iso);

describe('planStatus', () => {
  it.each([
    [null, null, '2024-01-01T00:00:00Z', 'draft'],
    ['2024-02-01T00:00:00Z', null, '2024-01-31T23:59:59.999Z', 'scheduled'],
    ['2024-02-01T00:00:00Z', null, '2024-02-01T00:00:00Z', 'active'],
    ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', '2024-02-29T23:59:59.999Z', 'active'],
    ['2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z', 'archived'],
    ['2024-02-01T00:00:00Z', '2024-02-01T00:00:00Z', '2024-01-01T00:00:00Z', 'scheduled'],
  ])('from %s to %s at %s is %s', (from, to, at, expected) => {
    expect(planStatus({ effectiveFrom: from ? d(from) : null, effectiveTo: to ? d(to) : null }, d(at))).toBe(expected);
  });
});
