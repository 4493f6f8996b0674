import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/money';
import { parseGrants, rolloverBalance, type GrantInput } from '../../../src/core/entitlements';

const roll = (patch: Partial<GrantInput>, balance: string): string => {
  const [grant] = parseGrants([{ id: 'g', amount: 100, effectiveAt: '2024-01-01', ...patch }]);
  if (grant === undefined) throw new Error('no grant');
  return rolloverBalance(grant, new Dec(balance)).toFixed();
};

describe('rolloverBalance = min(max, max(min, balance)) (D8)', () => {
  it('keeps the whole balance with the defaults (min 0, max = amount)', () => {
    expect(roll({}, '30')).toBe('30');
    expect(roll({}, '0')).toBe('0');
    expect(roll({}, '100')).toBe('100');
  });

  it('caps at maxRolloverAmount', () => {
    expect(roll({ maxRolloverAmount: 20 }, '30')).toBe('20');
    expect(roll({ maxRolloverAmount: 0 }, '30')).toBe('0');
  });

  it('raises to minRolloverAmount', () => {
    expect(roll({ minRolloverAmount: 50, maxRolloverAmount: 80 }, '10')).toBe('50');
    expect(roll({ minRolloverAmount: 50, maxRolloverAmount: 80 }, '60')).toBe('60');
    expect(roll({ minRolloverAmount: 50, maxRolloverAmount: 80 }, '90')).toBe('80');
  });

  it('restores exactly N with min = max = N (issueAfterReset)', () => {
    expect(roll({ minRolloverAmount: 100, maxRolloverAmount: 100 }, '0')).toBe('100');
    expect(roll({ minRolloverAmount: 100, maxRolloverAmount: 100 }, '37.5')).toBe('100');
  });

  it('is exact with decimals', () => {
    expect(roll({ amount: '0.3', maxRolloverAmount: '0.25' }, '0.3')).toBe('0.25');
    expect(roll({ amount: '0.3', minRolloverAmount: '0.1' }, '0.05')).toBe('0.1');
  });
});
