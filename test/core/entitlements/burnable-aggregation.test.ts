import { describe, expect, it } from 'vitest';
import { BURNABLE_AGGREGATIONS, burnDownAggregationOf, isBurnable } from '../../../src/core/entitlements';
import { AGGREGATIONS } from '../../../src/core/metering';

describe('burnable aggregations', () => {
  it('are exactly SUM, COUNT and LATEST', () => {
    expect(BURNABLE_AGGREGATIONS).toEqual(['SUM', 'COUNT', 'LATEST']);
  });

  it.each([
    // [aggregation, burnable, burn-down aggregation]
    ['SUM', true, 'SUM'],
    ['COUNT', true, 'COUNT'],
    ['LATEST', true, 'LATEST'],
    ['UNIQUE_COUNT', false, 'SUM'],
    ['AVG', false, 'SUM'],
    ['MIN', false, 'SUM'],
    ['MAX', false, 'SUM'],
  ] as const)('%s: burnable %s, burns as %s', (aggregation, burnable, as) => {
    expect(isBurnable(aggregation)).toBe(burnable);
    expect(burnDownAggregationOf(aggregation)).toBe(as);
  });

  it('the table above covers every meter aggregation', () => {
    expect([...AGGREGATIONS].sort()).toEqual(['AVG', 'COUNT', 'LATEST', 'MAX', 'MIN', 'SUM', 'UNIQUE_COUNT']);
  });
});
