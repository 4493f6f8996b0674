import { describe, expect, it } from 'vitest';
import { tailPlus, tailUsage } from '../../../src/core/entitlements';

describe('tailPlus', () => {
  it.each([
    ['41', undefined, '41'],
    ['41', '1', '42'],
    ['0.1', '0.2', '0.3'],
    ['10', '-2.5', '7.5'],
  ] as const)('%s + %s = %s', (tail, added, expected) => {
    expect(String(tailPlus(tail, added))).toBe(expected);
  });
});

describe('tailUsage', () => {
  it.each([
    ['120', null, '120'],
    ['120', '20', '100'],
    ['0.3', '0.1', '0.2'],
    ['5', '5', '0'],
  ] as const)('%s less pending %s = %s', (all, pending, expected) => {
    expect(tailUsage(all, pending)).toBe(expected);
  });
});
