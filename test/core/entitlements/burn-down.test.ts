import { describe, expect, it } from 'vitest';
import { burnDown, usageWindows, type BurnDownInput, type GrantInput } from '../../../src/core/entitlements';
import { d, issuesOf, iso, meter, recordingMeter } from './helpers';

const grant = (id: string, amount: string | number, patch: Partial<GrantInput> = {}): GrantInput => ({
  id,
  amount,
  effectiveAt: d(1, 1),
  ...patch,
});

describe('burnDown: burning and segments', () => {
  it('burns usage from a single grant', () => {
    const r = burnDown({ grants: [grant('a', 100)], usage: meter([{ at: d(1, 10), value: 30 }]), from: d(1, 1), to: d(1, 20) });
    expect(r).toMatchObject({ balances: { a: '70' }, balance: '70', overage: '0', usage: '30', grantUsage: '30', totalAvailableGrantAmount: '100' });
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({
      usage: '30',
      overage: '0',
      overageAtStart: '0',
      balanceAtStart: '100',
      balances: { a: '70' },
      grantUsages: [{ grantId: 'a', usage: '30' }],
      endsWithReset: false,
    });
    expect(iso(r.segments[0]?.from ?? new Date(0))).toBe(d(1, 1));
    expect(iso(r.segments[0]?.to ?? new Date(0))).toBe(d(1, 20));
  });

  it('splits at an expiry and burns in priority order; the expired grant leaves the balances', () => {
    const r = burnDown({
      grants: [grant('monthly', 100, { priority: 2 }), grant('promo', 20, { priority: 1, expiresAt: d(1, 15) })],
      usage: meter([
        { at: d(1, 10), value: 30 },
        { at: d(1, 16), value: 5 },
      ]),
      from: d(1, 1),
      to: d(1, 20),
    });
    // promo gives 20 then monthly 10 (→ 90); promo expires Jan 15; then monthly gives 5 (→ 85).
    expect(r.balances).toEqual({ monthly: '85' });
    expect(r.segments.map((s) => [iso(s.from), iso(s.to), s.usage])).toEqual([
      [d(1, 1), d(1, 15), '30'],
      [d(1, 15), d(1, 20), '5'],
    ]);
    expect(r.segments[0]?.grantUsages).toEqual([
      { grantId: 'promo', usage: '20' },
      { grantId: 'monthly', usage: '10' },
    ]);
    expect(r.segments[0]?.balances).toEqual({ promo: '0', monthly: '90' });
    // 100 + 20 were available; 35 used.
    expect(r.totalAvailableGrantAmount).toBe('120');
  });

  it('carries overage and lets a grant that becomes effective later pay it first', () => {
    const input: BurnDownInput = {
      grants: [grant('a', 10), grant('b', 50, { effectiveAt: d(1, 10) })],
      usage: meter([
        { at: d(1, 5), value: 25 },
        { at: d(1, 12), value: 5 },
      ]),
      from: d(1, 1),
      to: d(1, 20),
    };
    const atJoin = burnDown({ ...input, to: d(1, 10) });
    // a covers 10 of 25 → overage 15; b joins at Jan 10 with 50 and pays 15 → 35.
    expect(atJoin).toMatchObject({ balances: { a: '0', b: '35' }, overage: '0', usage: '25' });
    const r = burnDown(input);
    expect(r).toMatchObject({ balances: { a: '0', b: '30' }, overage: '0', usage: '30', grantUsage: '30', totalAvailableGrantAmount: '60' });
    expect(r.segments[0]).toMatchObject({ usage: '25', overage: '15', grantUsages: [{ grantId: 'a', usage: '10' }] });
    expect(r.segments[1]).toMatchObject({ overageAtStart: '0', balanceAtStart: '35', grantUsages: [{ grantId: 'b', usage: '5' }] });
    const before = burnDown({ ...input, to: '2024-01-09T23:59:59.999Z' });
    expect(before).toMatchObject({ balances: { a: '0' }, balance: '0', overage: '15' });
  });

  it('sees the state at instant t: a grant expiring or voided at t does not count, one effective at t does', () => {
    const grants = [grant('x', 10, { expiresAt: d(1, 10) }), grant('v', 10, { voidedAt: d(1, 10) }), grant('n', 7, { effectiveAt: d(1, 10) })];
    const usage = meter([]);
    expect(burnDown({ grants, usage, from: d(1, 1), to: '2024-01-09T23:59:59.999Z' }).balances).toEqual({ x: '10', v: '10' });
    expect(burnDown({ grants, usage, from: d(1, 1), to: d(1, 10) }).balances).toEqual({ n: '7' });
  });

  it('stops a voided grant from its void instant', () => {
    const r = burnDown({
      grants: [grant('a', 100, { voidedAt: d(1, 10) }), grant('b', 50, { priority: 2 })],
      usage: meter([
        { at: d(1, 5), value: 30 },
        { at: d(1, 12), value: 20 },
      ]),
      from: d(1, 1),
      to: d(1, 20),
    });
    expect(r).toMatchObject({ balances: { b: '30' }, balance: '30', usage: '50', grantUsage: '50', totalAvailableGrantAmount: '80' });
  });

  it('counts an event stamped exactly at a boundary in the segment that starts there', () => {
    const r = burnDown({
      grants: [grant('a', 10, { expiresAt: d(1, 10) }), grant('b', 10, { priority: 2 })],
      usage: meter([{ at: d(1, 10), value: 4 }]),
      from: d(1, 1),
      to: d(1, 20),
    });
    expect(r.balances).toEqual({ b: '6' });
    expect(r.segments.map((s) => s.usage)).toEqual(['0', '4']);
  });

  it('is exact with decimals (0.1 + 0.2 = 0.3)', () => {
    const r = burnDown({
      grants: [grant('a', '0.3')],
      usage: meter([
        { at: d(1, 2), value: 0.1 },
        { at: d(1, 3), value: '0.2' },
      ]),
      from: d(1, 1),
      to: d(1, 5),
    });
    expect(r).toMatchObject({ balances: { a: '0' }, overage: '0', usage: '0.3' });
  });
});

describe('burnDown: resets, rollover, recurrence', () => {
  it('rolls balances over at a reset, restarts the usage and snapshots the new period', () => {
    const r = burnDown({
      grants: [grant('a', 100)],
      usage: meter([
        { at: d(1, 10), value: 30 },
        { at: d(2, 5), value: 10 },
      ]),
      from: d(1, 1),
      to: d(2, 10),
      resets: [{ at: d(2, 1) }],
    });
    // Jan: 100 − 30 = 70; Feb 1 keeps min(100, max(0, 70)) = 70; Feb: 70 − 10 = 60.
    expect(r).toMatchObject({ balances: { a: '60' }, usage: '10', grantUsage: '10', totalAvailableGrantAmount: '70' });
    expect(iso(r.periodStart)).toBe(d(2, 1));
    expect(r.segments.map((s) => s.endsWithReset)).toEqual([true, false]);
    expect(r.snapshots).toEqual([
      { at: new Date(d(2, 1)), periodStart: new Date(d(2, 1)), balances: { a: '70' }, overage: '0', usage: '0', grantUsage: '0' },
    ]);
  });

  it('forgives overage at a reset, or burns it from the rolled-over balances when preserved', () => {
    const base = {
      grants: [grant('a', 10, { minRolloverAmount: 10, maxRolloverAmount: 10 })],
      usage: meter([{ at: d(1, 10), value: 25 }]),
      from: d(1, 1),
      to: d(2, 1),
    };
    // Jan: 10 covered, 15 overage. Feb 1: a restored to 10.
    expect(burnDown({ ...base, resets: [{ at: d(2, 1) }] })).toMatchObject({ balances: { a: '10' }, overage: '0', usage: '0' });
    // Preserved: 10 pays 10 of 15; 5 stays as overage of the new period.
    expect(burnDown({ ...base, resets: [{ at: d(2, 1), preserveOverage: true }] })).toMatchObject({
      balances: { a: '0' },
      balance: '0',
      overage: '5',
      usage: '0',
      grantUsage: '0',
      totalAvailableGrantAmount: '0',
    });
  });

  it('starts a grant effective exactly at a reset at its full amount (no rollover cap)', () => {
    const r = burnDown({
      grants: [grant('old', 100, { maxRolloverAmount: 10 }), grant('new', 100, { effectiveAt: d(2, 1), maxRolloverAmount: 10 })],
      usage: meter([]),
      from: d(1, 1),
      to: d(2, 1),
      resets: [{ at: d(2, 1) }],
    });
    expect(r.balances).toEqual({ old: '10', new: '100' });
  });

  it('applies a recurrence on a reset boundary after the rollover', () => {
    const r = burnDown({
      grants: [grant('r', 100, { maxRolloverAmount: 0, recurrence: { interval: 'P1M' } })],
      usage: meter([{ at: d(1, 10), value: 40 }]),
      from: d(1, 1),
      to: d(2, 1),
      resets: [{ at: d(2, 1) }],
    });
    expect(r.balances).toEqual({ r: '100' });
  });

  it('refills a recurring grant at each recurrence, paying outstanding overage first', () => {
    const input = {
      grants: [grant('a', 10, { recurrence: { interval: 'P1W' } })],
      usage: meter([{ at: d(1, 3), value: 15 }]),
      from: d(1, 1),
    };
    expect(burnDown({ ...input, to: '2024-01-07T23:59:59.999Z' })).toMatchObject({ balances: { a: '0' }, overage: '5' });
    // Jan 8 refill to 10, which pays the 5 of overage.
    expect(burnDown({ ...input, to: d(1, 8) })).toMatchObject({ balances: { a: '5' }, overage: '0', usage: '15' });
  });

  it('ignores resets at or before `from` and after `to`', () => {
    const r = burnDown({
      grants: [],
      usage: meter([]),
      from: d(2, 1),
      to: d(2, 10),
      startingOverage: 5,
      resets: [{ at: d(2, 1) }, { at: d(1, 1) }, { at: d(3, 1) }],
    });
    expect(r).toMatchObject({ overage: '5', segments: [{ endsWithReset: false }], snapshots: [] });
  });

  it('merges resets at one instant, preserving the overage if any of them does', () => {
    const r = burnDown({
      grants: [],
      usage: meter([{ at: d(1, 2), value: 3 }]),
      from: d(1, 1),
      to: d(2, 1),
      resets: [{ at: d(2, 1) }, { at: d(2, 1), preserveOverage: true }],
    });
    expect(r.overage).toBe('3');
  });
});

describe('burnDown: starting state', () => {
  it('starts listed grants at their balance, other active grants at their amount, then repays the starting overage', () => {
    const r = burnDown({
      grants: [grant('a', 100), grant('b', 50, { priority: 2 }), grant('future', 10, { effectiveAt: d(3, 1) })],
      usage: meter([]),
      from: d(2, 1),
      to: d(2, 1),
      startingBalances: { a: 0, future: 3, gone: 8 },
      startingOverage: '20',
    });
    expect(r).toMatchObject({ balances: { a: '0', b: '30' }, overage: '0', usage: '0', segments: [] });
  });

  it('reports the usage since periodStart when continuing mid-period', () => {
    const r = burnDown({
      grants: [grant('a', 100)],
      usage: meter([{ at: d(1, 20), value: 5 }]),
      from: d(1, 15),
      to: d(1, 25),
      periodStart: d(1, 1),
      startingBalances: { a: 60 },
      startingUsage: 40,
      startingGrantUsage: 40,
    });
    expect(r).toMatchObject({ balances: { a: '55' }, usage: '45', grantUsage: '45', totalAvailableGrantAmount: '100' });
    expect(iso(r.periodStart)).toBe(d(1, 1));
  });
});

describe('burnDown: negative usage (refunds)', () => {
  it('gives credit back in reverse burn order, each grant up to its amount', () => {
    const r = burnDown({
      grants: [grant('a', 100), grant('b', 10, { priority: 2, effectiveAt: d(1, 4) })],
      usage: meter([
        { at: d(1, 2), value: 80 },
        { at: d(1, 5), value: -30 },
      ]),
      from: d(1, 1),
      to: d(1, 10),
    });
    expect(r).toMatchObject({ balances: { a: '50', b: '10' }, usage: '50', grantUsage: '50' });
    expect(r.segments[1]?.grantUsages).toEqual([{ grantId: 'a', usage: '-30' }]);
  });

  it('cancels outstanding overage before restoring grants', () => {
    const r = burnDown({
      grants: [grant('a', 10), grant('z', 0, { effectiveAt: d(1, 4) })],
      usage: meter([
        { at: d(1, 2), value: 25 },
        { at: d(1, 5), value: -20 },
      ]),
      from: d(1, 1),
      to: d(1, 10),
    });
    expect(r).toMatchObject({ balances: { a: '5', z: '0' }, overage: '0', usage: '5' });
    expect(r.segments[1]).toMatchObject({ usage: '-20', overage: '-15', grantUsages: [{ grantId: 'a', usage: '-5' }] });
  });
});

describe('burnDown: usage reading', () => {
  it('reads each segment once, clipped to measureUsageFrom', () => {
    const { reader, calls } = recordingMeter(
      meter([
        { at: d(1, 2), value: 10 },
        { at: d(1, 12), value: 20 },
      ]),
    );
    const r = burnDown({
      grants: [grant('a', 100), grant('b', 5, { expiresAt: d(1, 5) })],
      usage: reader,
      from: d(1, 1),
      to: d(1, 20),
      measureUsageFrom: d(1, 10),
    });
    expect(r).toMatchObject({ balances: { a: '80' }, usage: '20' });
    expect(calls).toEqual([[d(1, 10), d(1, 20)]]);
  });

  it('lists the windows it will read (usageWindows), the same as it reads', () => {
    const input = {
      grants: [grant('a', 100, { expiresAt: d(1, 15) })],
      from: d(1, 1),
      to: d(1, 20),
      resets: [{ at: d(1, 10) }],
    };
    const show = (ws: Array<{ from: Date; to: Date }>) => ws.map((w) => [iso(w.from), iso(w.to)]);
    expect(show(usageWindows(input))).toEqual([
      [d(1, 1), d(1, 10)],
      [d(1, 10), d(1, 15)],
      [d(1, 15), d(1, 20)],
    ]);
    expect(show(usageWindows({ ...input, aggregation: 'LATEST' }))).toEqual([
      [d(1, 1), d(1, 10)],
      [d(1, 10), d(1, 15)],
      [d(1, 10), d(1, 20)],
    ]);
    const { reader, calls } = recordingMeter(meter([]));
    burnDown({ ...input, usage: reader, aggregation: 'LATEST' });
    expect(calls).toEqual(show(usageWindows({ ...input, aggregation: 'LATEST' })));
  });

  it('counts events with COUNT like any additive meter', () => {
    const events = [{ at: d(1, 2) }, { at: d(1, 3) }, { at: d(1, 4) }];
    const r = burnDown({ grants: [grant('a', 2)], usage: meter(events, 'COUNT'), from: d(1, 1), to: d(1, 5), aggregation: 'COUNT' });
    expect(r).toMatchObject({ balances: { a: '0' }, overage: '1', usage: '3' });
  });
});

describe('burnDown: LATEST', () => {
  const grants = [grant('a', 100), grant('b', 50, { priority: 2 })];
  const events = [
    { at: d(1, 5), value: 120 },
    { at: d(1, 10), value: 80 },
    { at: d(2, 3), value: 200 },
  ];
  const run = (to: string) =>
    burnDown({ grants, usage: meter(events, 'LATEST'), aggregation: 'LATEST', from: d(1, 1), to, resets: [{ at: d(2, 1) }] });

  it('uses the latest value, not a sum: balance = max(0, Σ amounts − usage)', () => {
    expect(run(d(1, 7))).toMatchObject({ usage: '120', balances: { a: '0', b: '30' }, balance: '30', overage: '0' });
    expect(run(d(1, 12))).toMatchObject({ usage: '80', balances: { a: '20', b: '50' }, balance: '70', totalAvailableGrantAmount: '150' });
  });

  it('restarts at 0 at a reset and reports overage = usage − Σ beyond the grants', () => {
    expect(run(d(2, 2))).toMatchObject({ usage: '0', balance: '150', overage: '0' });
    expect(run(d(2, 4))).toMatchObject({ usage: '200', balances: { a: '0', b: '0' }, balance: '0', overage: '50' });
  });

  it('describes each segment by the level at its end', () => {
    const r = run(d(2, 4));
    expect(r.segments.map((s) => [s.usage, s.overage, s.balanceAtStart])).toEqual([
      ['80', '0', '150'],
      ['200', '50', '150'],
    ]);
  });
});

describe('burnDown: validation', () => {
  it('reports every problem of the input at once', () => {
    const bad = {
      grants: [grant('a', 10, { priority: 0 })],
      usage: 'nope',
      from: d(2, 1),
      to: d(1, 1),
      periodStart: d(3, 1),
      startingBalances: { a: -1 },
      startingOverage: 'x',
      resets: [{ at: 'later' }],
      aggregation: 'AVG',
    } as unknown as BurnDownInput;
    expect(issuesOf(() => burnDown(bad))).toEqual([
      'grants[0].priority out_of_range',
      'usage invalid_type',
      'to invalid_range',
      'periodStart invalid_range',
      'aggregation invalid_enum',
      'startingBalances.a negative',
      'startingOverage invalid_decimal',
      'resets[0].at invalid_instant',
    ]);
  });

  it('rejects a reader answer that is not a decimal', () => {
    expect(issuesOf(() => burnDown({ grants: [], usage: () => 'lots', from: d(1, 1), to: d(1, 2) }))).toEqual(['usage invalid_decimal']);
  });

  it('refuses a run with too many segments', () => {
    const grants = [grant('tick', 1, { recurrence: { interval: 'PT1S' } })];
    expect(issuesOf(() => burnDown({ grants, usage: meter([]), from: d(1, 1), to: d(2, 1) }))).toEqual(['to too_many_segments']);
  });
});

describe('burnDown: includeTo (the state a check at `to` sees)', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    // [case, input patch, usage events, expected]
    ['without it, an event stamped at `to` does not count', {}, [{ at: d(1, 20), value: 5 }], { usage: '0', balance: '100' }],
    ['with it, an event stamped at `to` counts', { includeTo: true }, [{ at: d(1, 20), value: 5 }], { usage: '5', balance: '95' }],
    ['with it, one stamped 1 ms after `to` does not', { includeTo: true }, [{ at: new Date(at(d(1, 20)) + 1).toISOString(), value: 5 }], { usage: '0', balance: '100' }],
    ['a reset at `to` happens first: the event at `to` is the new period’s (70 rolled over, 5 burnt)', { includeTo: true, resets: [{ at: d(1, 20) }] }, [{ at: d(1, 10), value: 30 }, { at: d(1, 20), value: 5 }], { usage: '5', balance: '65' }],
    ['a grant expiring at `to` is gone before the event at `to` burns', { includeTo: true, grants: [grant('a', 100), grant('p', 10, { priority: 1, expiresAt: d(1, 20) })] }, [{ at: d(1, 20), value: 5 }], { usage: '5', balance: '95', balances: { a: '95' } }],
    ['a grant effective 1 ms after `to` does not join', { includeTo: true, grants: [grant('a', 100), grant('n', 10, { effectiveAt: new Date(at(d(1, 20)) + 1).toISOString() })] }, [{ at: d(1, 20), value: 5 }], { balance: '95' }],
    ['from == to: only the usage at that instant', { includeTo: true, from: d(1, 20) }, [{ at: d(1, 20), value: 5 }], { usage: '5', balance: '95' }],
    ['LATEST: the value stamped at `to` is the level', { includeTo: true, aggregation: 'LATEST' as const }, [{ at: d(1, 10), value: 30 }, { at: d(1, 20), value: 7 }], { usage: '7', balance: '93' }],
  ] as const)('%s', (_case, patch, events, expected) => {
    const aggregation = 'aggregation' in patch ? patch.aggregation : 'SUM';
    const input: BurnDownInput = { grants: [grant('a', 100)], usage: meter([...events], aggregation), from: d(1, 1), to: d(1, 20), ...patch };
    const r = burnDown(input);
    expect(r).toMatchObject(expected);
    expect(iso(r.to)).toBe(d(1, 20));
  });

  it('refuses a non-boolean includeTo, naming the field', () => {
    expect(issuesOf(() => burnDown({ grants: [], usage: () => 0, from: d(1, 1), to: d(1, 2), includeTo: 'yes' as unknown as boolean }))).toContain('includeTo invalid_type');
  });
});
