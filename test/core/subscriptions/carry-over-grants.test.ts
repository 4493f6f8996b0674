import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { carryOverGrants, type GrantToCarry } from '../../../src/core/subscriptions';
import { d } from './fixtures';

const t = d('2024-01-16');
const grant = (over: Partial<GrantToCarry> = {}): GrantToCarry => ({
  id: 'g1',
  source: 'manual',
  balance: '3000',
  priority: 5,
  effectiveAt: d('2024-01-05'),
  expiresAt: null,
  ...over,
});
const carried = (g: GrantToCarry, options: { hasNewEntitlement?: boolean; carryOverGrants?: boolean } = {}) =>
  carryOverGrants([g], { at: t, hasNewEntitlement: options.hasNewEntitlement ?? true, carryOverGrants: options.carryOverGrants });

describe('carryOverGrants (EN4)', () => {
  it.each<[string, Partial<GrantToCarry>, { hasNewEntitlement?: boolean; carryOverGrants?: boolean }, string | null]>([
    ['manual with a balance', {}, {}, '3000'],
    ['number balance', { balance: 12.5 }, {}, '12.5'],
    ['fractional string', { balance: '0.001' }, {}, '0.001'],
    ['zero balance', { balance: '0' }, {}, null],
    ['negative balance', { balance: '-1' }, {}, null],
    ['template grant', { source: 'template' }, {}, null],
    ['expired before t', { expiresAt: d('2024-01-10') }, {}, null],
    ['expiring at t (exclusive)', { expiresAt: t }, {}, null],
    ['voided before t', { voidedAt: d('2024-01-10') }, {}, null],
    ['effective after t', { effectiveAt: d('2024-01-20') }, {}, null],
    ['effective at t', { effectiveAt: t }, {}, '3000'],
    ['carryOverGrants: false', {}, { carryOverGrants: false }, null],
    ['the new plan lacks the feature', {}, { hasNewEntitlement: false }, null],
  ])('%s → %s', (_name, over, options, expected) => {
    const out = carried(grant(over), options);
    expect(out.create.map((g) => g.amount)).toEqual(expected === null ? [] : [expected]);
    expect(out.void.map((v) => v.id)).toEqual(expected === null ? [] : ['g1']);
  });

  it.each<[string, Partial<GrantToCarry>, { minRolloverAmount?: string; maxRolloverAmount?: string }]>([
    ['no caps stay absent', {}, {}],
    ['caps above B are cut to B', { minRolloverAmount: '4000', maxRolloverAmount: '5000' }, { minRolloverAmount: '3000', maxRolloverAmount: '3000' }],
    ['caps below B are kept', { minRolloverAmount: '100', maxRolloverAmount: 2000 }, { minRolloverAmount: '100', maxRolloverAmount: '2000' }],
    ['null caps stay absent', { minRolloverAmount: null, maxRolloverAmount: null }, {}],
  ])('rollover: %s', (_name, over, expected) => {
    const [g] = carried(grant(over)).create;
    expect({ minRolloverAmount: g?.minRolloverAmount, maxRolloverAmount: g?.maxRolloverAmount }).toEqual({
      minRolloverAmount: expected.minRolloverAmount,
      maxRolloverAmount: expected.maxRolloverAmount,
    });
    expect(g !== undefined && 'minRolloverAmount' in g).toBe(expected.minRolloverAmount !== undefined);
  });

  it('keeps priority and expiresAt, starts at t, adds carriedFrom to the metadata', () => {
    const out = carried(grant({ expiresAt: d('2024-06-01'), metadata: { order: 'A-17', carriedFrom: 'older' } }));
    expect(out).toEqual({
      void: [{ id: 'g1', voidedAt: t }],
      create: [{ amount: '3000', priority: 5, effectiveAt: t, expiresAt: d('2024-06-01'), metadata: { order: 'A-17', carriedFrom: 'g1' } }],
    });
  });

  it('several grants keep their order; only the carried ones are voided', () => {
    const out = carryOverGrants(
      [grant({ id: 'a' }), grant({ id: 'tpl', source: 'template' }), grant({ id: 'empty', balance: '0' }), grant({ id: 'b', balance: '7', priority: 9 })],
      { at: t, hasNewEntitlement: true },
    );
    expect(out.void.map((v) => v.id)).toEqual(['a', 'b']);
    expect(out.create.map((g) => [g.metadata.carriedFrom, g.amount, g.priority])).toEqual([
      ['a', '3000', 5],
      ['b', '7', 9],
    ]);
  });

  it('a bad balance is a ValidationError at its path', () => {
    const e = (() => {
      try {
        carryOverGrants([grant(), grant({ balance: 'lots' })], { at: t, hasNewEntitlement: true });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]).toMatchObject({ path: 'grants[1].balance', code: 'invalid_decimal' });
  });

  it('S37: basic Jan 5 manual grant 5000 priority 5, 2000 of it burnt by Jan 16; change → pro: voided at Jan 16, 3000 re-created; with carryOverGrants false nothing', () => {
    const g = grant({ id: 'grant_manual', balance: '3000', priority: 5 });
    const tpl = grant({ id: 'grant_template', source: 'template', balance: '0', priority: 1, effectiveAt: d('2024-01-01') });
    const out = carryOverGrants([tpl, g], { at: t, hasNewEntitlement: true });
    expect(out.void).toEqual([{ id: 'grant_manual', voidedAt: t }]);
    expect(out.create).toEqual([{ amount: '3000', priority: 5, effectiveAt: t, expiresAt: null, metadata: { carriedFrom: 'grant_manual' } }]);
    // the new entitlement: its template's 10000 + the carried 3000 = 13000
    expect(carryOverGrants([tpl, g], { at: t, hasNewEntitlement: true, carryOverGrants: false })).toEqual({ void: [], create: [] });
  });
});
