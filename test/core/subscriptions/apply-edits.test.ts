import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../src/errors';
import type { RateCard } from '../../../src/core/catalog';
import { applyEdits, subscriptionTimeline, type Customization, type SubscriptionEdit, type TimelinePlan } from '../../../src/core/subscriptions';
import { api, d, launch, platform, pro, span } from './fixtures';

const priority: RateCard = { key: 'priority', type: 'flat_fee', price: { type: 'flat', amount: '5' }, billingCadence: 'P1M' };
const flat = (amount: string) => ({ type: 'flat' as const, amount });

/** `key vN [from, to) price` per item of a phase, for compact expectations. */
const items = (plan: TimelinePlan, edits: SubscriptionEdit[], phase = 0, activeTo: string | null = null) => {
  const t = subscriptionTimeline({ plan, activeFrom: '2024-01-01', activeTo, edits, to: '2024-06-01' });
  return (t.phases[phase]?.items ?? []).map((i) => {
    const price = i.rateCard.price === null ? 'free' : 'amount' in i.rateCard.price ? i.rateCard.price.amount : i.rateCard.price.type;
    return `${i.key} v${i.version} ${span(i.from.toISOString(), i.to === null ? null : i.to.toISOString())} ${price}`;
  });
};
const at = (iso: string, ...customizations: Customization[]): SubscriptionEdit => ({ at: iso, customizations });
const expectValidation = (run: () => unknown, path: string, code: string) => {
  try {
    run();
    expect.unreachable();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]).toMatchObject({ path, code });
  }
};

describe('SB13 edits in the timeline', () => {
  it.each<[string, SubscriptionEdit[], string[]]>([
    ['no edits: version 0 spans the phase', [], [`platform v0 ${span('2024-01-01', null)} 30`, `api v0 ${span('2024-01-01', null)} 0.01`]],
    [
      'S32-like: override_price ends v0 at t and starts v2',
      [at('2024-01-02', { op: 'override_price', phase: 'default', item: 'platform', price: flat('10') })],
      [`platform v0 ${span('2024-01-01', '2024-01-02')} 30`, `platform v1 ${span('2024-01-02', null)} 10`, `api v0 ${span('2024-01-01', null)} 0.01`],
    ],
    [
      'two overrides: v1, v2, v3',
      [
        at('2024-01-10', { op: 'override_price', phase: 'default', item: 'platform', price: flat('25') }),
        at('2024-02-01', { op: 'override_price', phase: 'default', item: 'platform', price: null }),
      ],
      [
        `platform v0 ${span('2024-01-01', '2024-01-10')} 30`,
        `platform v1 ${span('2024-01-10', '2024-02-01')} 25`,
        `platform v2 ${span('2024-02-01', null)} free`,
        `api v0 ${span('2024-01-01', null)} 0.01`,
      ],
    ],
    [
      'S31: add_item priority at Jan 16',
      [at('2024-01-16', { op: 'add_item', phase: 'default', rateCard: priority })],
      [`platform v0 ${span('2024-01-01', null)} 30`, `api v0 ${span('2024-01-01', null)} 0.01`, `priority v0 ${span('2024-01-16', null)} 5`],
    ],
    [
      'S33: S31 then remove priority at Jan 21',
      [at('2024-01-16', { op: 'add_item', phase: 'default', rateCard: priority }), at('2024-01-21', { op: 'remove_item', phase: 'default', item: 'priority' })],
      [`platform v0 ${span('2024-01-01', null)} 30`, `api v0 ${span('2024-01-01', null)} 0.01`, `priority v0 ${span('2024-01-16', '2024-01-21')} 5`],
    ],
    [
      'remove then re-add a key: the next version',
      [at('2024-01-10', { op: 'remove_item', phase: 'default', item: 'api' }), at('2024-01-20', { op: 'add_item', phase: 'default', rateCard: api('0.02') })],
      [`platform v0 ${span('2024-01-01', null)} 30`, `api v0 ${span('2024-01-01', '2024-01-10')} 0.01`, `api v1 ${span('2024-01-20', null)} 0.02`],
    ],
    [
      'an edit at the version start replaces it (no empty version)',
      [at('2024-01-01', { op: 'override_price', phase: 'default', item: 'platform', price: flat('20') }, { op: 'remove_item', phase: 'default', item: 'api' })],
      [`platform v0 ${span('2024-01-01', null)} 20`],
    ],
    [
      'remove and add the same key in one edit: v2 from t',
      [at('2024-01-10', { op: 'remove_item', phase: 'default', item: 'platform' }, { op: 'add_item', phase: 'default', rateCard: platform('40') })],
      [`platform v0 ${span('2024-01-01', '2024-01-10')} 30`, `api v0 ${span('2024-01-01', null)} 0.01`, `platform v1 ${span('2024-01-10', null)} 40`],
    ],
  ])('%s', (_name, edits, expected) => {
    expect(items(pro, edits)).toEqual(expected);
  });

  it('S33: override at next cycle (Feb 1) — v1 [Jan 1, Feb 1) 30, v2 from Feb 1 25', () => {
    expect(items(pro, [at('2024-02-01', { op: 'override_price', phase: 'default', item: 'platform', price: flat('25') })])[0]).toBe(
      `platform v0 ${span('2024-01-01', '2024-02-01')} 30`,
    );
  });

  it('override keeps key, feature, template and type; new discounts replace, absent keeps', () => {
    const card: RateCard = { ...api('0.01'), discounts: { percentage: 10 }, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 1000 } } };
    const plan: TimelinePlan = { ...pro, phases: [{ key: 'default', rateCards: [card] }] };
    const tiered = { type: 'unit' as const, amount: '0.008' };
    const kept = subscriptionTimeline({ plan, activeFrom: '2024-01-01', to: '2024-02-01', edits: [at('2024-01-16', { op: 'override_price', phase: 'default', item: 'api', price: tiered })] });
    expect(kept.phases[0]?.items[1]?.rateCard).toEqual({ ...card, price: tiered });
    const replaced = subscriptionTimeline({
      plan,
      activeFrom: '2024-01-01',
      to: '2024-02-01',
      edits: [at('2024-01-16', { op: 'override_price', phase: 'default', item: 'api', price: tiered, discounts: { usage: 100 } })],
    });
    expect(replaced.phases[0]?.items[1]?.rateCard).toEqual({ ...card, price: tiered, discounts: { usage: 100 } });
    expect(plan.phases[0]?.rateCards[0]).toBe(card); // the plan is not mutated
  });

  it('a phase starting after t is edited in place (no new version)', () => {
    const edits = [
      at(
        '2024-01-20',
        { op: 'override_price', phase: 'default', item: 'platform', price: flat('28') },
        { op: 'remove_item', phase: 'default', item: 'api' },
        { op: 'add_item', phase: 'default', rateCard: priority },
      ),
    ];
    expect(items(launch, edits, 0)).toEqual([`platform v0 ${span('2024-01-01', '2024-03-01')} 15`, `api v0 ${span('2024-01-01', '2024-03-01')} 0.01`]);
    expect(items(launch, edits, 1)).toEqual([`platform v0 ${span('2024-03-01', null)} 28`, `priority v0 ${span('2024-03-01', null)} 5`]);
  });

  it('edits in the intro phase stop at its end; the default phase is untouched', () => {
    const edits = [at('2024-02-10', { op: 'override_price', phase: 'intro', item: 'platform', price: flat('12') })];
    expect(items(launch, edits, 0)[1]).toBe(`platform v1 ${span('2024-02-10', '2024-03-01')} 12`);
    expect(items(launch, edits, 1)[0]).toBe(`platform v0 ${span('2024-03-01', null)} 30`);
  });

  it('a cancel after an edit cuts the versions at activeTo and drops those after it', () => {
    const edits = [at('2024-01-10', { op: 'override_price', phase: 'default', item: 'platform', price: flat('25') }, { op: 'add_item', phase: 'default', rateCard: priority })];
    expect(items(pro, edits, 0, '2024-01-20')).toEqual([
      `platform v0 ${span('2024-01-01', '2024-01-10')} 30`,
      `platform v1 ${span('2024-01-10', '2024-01-20')} 25`,
      `api v0 ${span('2024-01-01', '2024-01-20')} 0.01`,
      `priority v0 ${span('2024-01-10', '2024-01-20')} 5`,
    ]);
    // an edit of a later phase replays even when a cancel dropped that phase
    const future = [at('2024-01-20', { op: 'remove_item', phase: 'default', item: 'api' })];
    expect(subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', activeTo: '2024-02-01', edits: future }).phases.map((p) => p.key)).toEqual(['intro']);
  });

  it('add_item of a key active at t → ConflictError item_exists, target the customization path', () => {
    try {
      subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-02-01', edits: [at('2024-01-05', { op: 'remove_item', phase: 'default', item: 'api' }, { op: 'add_item', phase: 'default', rateCard: platform('1') })] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect(e).toMatchObject({ reason: 'item_exists', target: 'customizations[1].rateCard.key' });
    }
  });

  it('add_item in a later phase that has the key → item_exists', () => {
    const edits = [at('2024-01-05', { op: 'add_item', phase: 'default', rateCard: platform('1') })];
    expect(() => subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', to: '2024-02-01', edits })).toThrow(ConflictError);
  });

  it.each<[string, SubscriptionEdit[], string, string]>([
    ['unknown phase', [at('2024-01-05', { op: 'remove_item', phase: 'gold', item: 'api' })], 'edits[0].customizations[0].phase', 'unknown_phase'],
    ['unknown item', [at('2024-01-05', { op: 'remove_item', phase: 'default', item: 'seats' })], 'edits[0].customizations[0].item', 'unknown_item'],
    [
      'an item removed earlier',
      [at('2024-01-05', { op: 'remove_item', phase: 'default', item: 'api' }), at('2024-01-06', { op: 'override_price', phase: 'default', item: 'api', price: { type: 'unit', amount: '1' } })],
      'edits[1].customizations[0].item',
      'unknown_item',
    ],
    ['an edit before activeFrom', [at('2023-12-31', { op: 'remove_item', phase: 'default', item: 'api' })], 'edits[0].at', 'edit_outside_subscription'],
    ['an edit at activeTo', [at('2024-03-01', { op: 'remove_item', phase: 'default', item: 'api' })], 'edits[0].at', 'edit_outside_subscription'],
    ['edits out of order', [at('2024-01-05', { op: 'remove_item', phase: 'default', item: 'api' }), at('2024-01-04', { op: 'remove_item', phase: 'default', item: 'platform' })], 'edits[1].at', 'edits_out_of_order'],
    ['a bad instant', [at('soon', { op: 'remove_item', phase: 'default', item: 'api' })], 'edits[0].at', 'invalid_instant'],
    ['a flat price on a usage card', [at('2024-01-05', { op: 'override_price', phase: 'default', item: 'api', price: flat('1') })], 'edits[0].customizations[0].price', 'price_type_mismatch'],
    ['null on a usage card', [at('2024-01-05', { op: 'override_price', phase: 'default', item: 'api', price: null })], 'edits[0].customizations[0].price', 'price_type_mismatch'],
    ['a usage price on a flat fee', [at('2024-01-05', { op: 'override_price', phase: 'default', item: 'platform', price: { type: 'unit', amount: '1' } })], 'edits[0].customizations[0].price', 'price_type_mismatch'],
    ['S22: add_item with P1W on a P1M plan', [at('2024-01-05', { op: 'add_item', phase: 'default', rateCard: { ...priority, billingCadence: 'P1W' } })], 'edits[0].customizations[0].rateCard.billingCadence', 'cadence_unaligned'],
    [
      '101 customizations',
      [{ at: '2024-01-05', customizations: Array.from({ length: 101 }, (): Customization => ({ op: 'remove_item', phase: 'default', item: 'api' })) }],
      'edits[0].customizations',
      'too_many_customizations',
    ],
  ])('%s → ValidationError', (_name, edits, path, code) => {
    expectValidation(() => subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', activeTo: '2024-03-01', edits }), path, code);
  });

  it('an edit in a phase that ended before t → phase_ended', () => {
    const edits = [at('2024-03-05', { op: 'remove_item', phase: 'intro', item: 'api' })];
    expectValidation(() => subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', to: '2024-04-01', edits }), 'edits[0].customizations[0].phase', 'phase_ended');
  });

  it('S22: P1D, P3M, P1Y cadences are accepted; 100 customizations are accepted', () => {
    for (const cadence of ['P1D', 'P3M', 'P1Y']) {
      expect(items(pro, [at('2024-01-05', { op: 'add_item', phase: 'default', rateCard: { ...priority, billingCadence: cadence } })])).toHaveLength(3);
    }
    const hundred = Array.from({ length: 100 }, (_, i): Customization => ({ op: 'add_item', phase: 'default', rateCard: { ...priority, key: `k${i}` } }));
    expect(items(pro, [{ at: '2024-01-05', customizations: hundred }])).toHaveLength(102);
  });

  it('applyEdits does not mutate its phases', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-02-01' });
    const before = structuredClone(t.phases);
    applyEdits(t.phases, [at('2024-01-10', { op: 'override_price', phase: 'default', item: 'platform', price: flat('1') })], {
      planCadence: 'P1M',
      activeFrom: d('2024-01-01'),
      activeTo: null,
    });
    expect(t.phases).toEqual(before);
  });
});
