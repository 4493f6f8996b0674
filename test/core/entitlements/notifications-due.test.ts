import { describe, expect, it } from 'vitest';
import { notificationsDue, type MeteredBalance, type NotificationsDueInput, type Threshold } from '../../../src/core/entitlements';
import { issuesOf } from './helpers';

const balance: MeteredBalance = { balance: '15', usage: '85', overage: '0', totalAvailableGrantAmount: '100' };
const input = (patch: Partial<NotificationsDueInput> = {}): NotificationsDueInput => ({ thresholds: [], balance, balances: {}, periodStartBalances: undefined, ...patch });
const keys = (patch: Partial<NotificationsDueInput>): string[] => notificationsDue(input(patch)).map((n) => n.key);

describe('notificationsDue: thresholds', () => {
  it.each([
    // [threshold, due] against usage 85 of 100, balance 15
    [{ type: 'usage', value: 85 }, true],
    [{ type: 'usage', value: '85.000001' }, false],
    [{ type: 'balance', value: 15 }, true],
    [{ type: 'balance', value: '14.99' }, false],
    [{ type: 'usage_percentage', value: 85 }, true],
    [{ type: 'usage_percentage', value: '85.1' }, false],
  ] as const)('%j due: %s', (threshold, due) => {
    expect(notificationsDue(input({ thresholds: [threshold] }))).toEqual(due ? [{ kind: 'threshold', key: `threshold:${threshold.type}:${String(threshold.value)}`, threshold }] : []);
  });

  it('keys a threshold by its canonical value and keeps the threshold object as given', () => {
    const t: Threshold = { type: 'usage_percentage', value: '80.50' };
    expect(notificationsDue(input({ thresholds: [t] }))).toEqual([{ kind: 'threshold', key: 'threshold:usage_percentage:80.5', threshold: t }]);
    expect(notificationsDue(input({ thresholds: [t] }))[0]).toMatchObject({ threshold: t });
  });

  it('lists the reached thresholds in the given order', () => {
    expect(
      keys({
        thresholds: [
          { type: 'balance', value: 20 },
          { type: 'usage', value: 90 },
          { type: 'usage', value: 50 },
        ],
      }),
    ).toEqual(['threshold:balance:20', 'threshold:usage:50']);
  });
});

describe('notificationsDue: depleted grants', () => {
  it.each([
    // [case, balances now, balances at the period start, expected keys]
    ['a zero grant with no start balances known', { g: '0' }, undefined, ['grant:g']],
    ['a zero grant written 0.000', { g: '0.000' }, undefined, ['grant:g']],
    ['a grant with balance left', { g: '0.01' }, undefined, []],
    ['a grant in debt is not zero', { g: '-1' }, undefined, []],
    ['zero now, positive at the period start', { g: '0' }, { g: '100' }, ['grant:g']],
    ['zero now, zero at the period start: not this period', { g: '0' }, { g: '0' }, []],
    ['zero now, 0.00 at the period start: not this period', { g: '0' }, { g: '0.00' }, []],
    ['zero now, missing from the start balances (new grant)', { g: '0' }, { other: '0' }, ['grant:g']],
    ['several grants, in the order given', { b: '0', a: '5', c: '0' }, { c: '10' }, ['grant:b', 'grant:c']],
  ] as const)('%s', (_case, balances, periodStartBalances, expected) => {
    expect(keys({ balances, periodStartBalances })).toEqual(expected);
  });

  it('describes a depleted grant with its id', () => {
    expect(notificationsDue(input({ balances: { 'ent_1/default': '0' } }))).toEqual([{ kind: 'grant_depleted', key: 'grant:ent_1/default', grantId: 'ent_1/default' }]);
  });
});

describe('notificationsDue: together and errors', () => {
  it('puts thresholds before grants', () => {
    expect(keys({ thresholds: [{ type: 'usage', value: 1 }], balances: { g: '0' } })).toEqual(['threshold:usage:1', 'grant:g']);
  });

  it('nothing due: empty', () => {
    expect(notificationsDue(input())).toEqual([]);
  });

  it.each([
    ['a balance that is not a decimal', { balances: { g: 'x' } }, ['balance invalid_decimal']],
    ['a start balance that is not a decimal', { balances: { g: '0' }, periodStartBalances: { g: 'x' } }, ['balance invalid_decimal']],
  ] as const)('throws on %s', (_case, patch, expected) => {
    expect(issuesOf(() => notificationsDue(input(patch)))).toEqual(expected);
  });
});
