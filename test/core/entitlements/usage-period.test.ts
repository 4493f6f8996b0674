import { describe, expect, it } from 'vitest';
import { usagePeriodAt } from '../../../src/core/entitlements';
import { issuesOf } from './helpers';

const show = (p: { from: Date; to: Date }): [string, string] => [p.from.toISOString(), p.to.toISOString()];

describe('usagePeriodAt', () => {
  it('follows the anchor grid, month ends clamped from the anchor day', () => {
    expect(show(usagePeriodAt('2024-01-31T00:00:00Z', 'P1M', '2024-03-15T00:00:00Z'))).toEqual([
      '2024-02-29T00:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
    ]);
  });

  it('puts a boundary instant in the later period', () => {
    expect(show(usagePeriodAt('2024-01-01T00:00:00Z', 'P1M', '2024-02-01T00:00:00Z'))).toEqual([
      '2024-02-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
    ]);
  });

  it('follows a zone calendar', () => {
    expect(show(usagePeriodAt('2024-01-01T00:00:00-05:00', 'P1D', '2024-03-10T12:00:00Z', 'America/New_York'))).toEqual([
      '2024-03-10T05:00:00.000Z',
      '2024-03-11T04:00:00.000Z',
    ]);
  });

  it('rejects a zero interval', () => {
    expect(issuesOf(() => usagePeriodAt('2024-01-01', 'P0D', '2024-01-02'))).toEqual(['interval invalid_interval']);
  });
});
