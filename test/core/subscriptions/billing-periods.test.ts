import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { billingPeriodAt, billingPeriods, phaseIntervals } from '../../../src/core/subscriptions';
import { d, span, spans } from './fixtures';

const one = (from: string, to: string | null) => [{ key: 'default', index: 0, from: d(from), to: to === null ? null : d(to) }];

describe('billingPeriods (SB5)', () => {
  it.each([
    // [anchor, cadence, activeFrom, activeTo, range to, periods]
    ['2024-01-01', 'P1M', '2024-01-01', '2024-04-01', undefined, [['2024-01-01', '2024-02-01'], ['2024-02-01', '2024-03-01'], ['2024-03-01', '2024-04-01']]],
    ['2024-01-01', 'P1M', '2024-01-16', '2024-03-10', undefined, [['2024-01-16', '2024-02-01'], ['2024-02-01', '2024-03-01'], ['2024-03-01', '2024-03-10']]],
    ['2024-01-31', 'P1M', '2024-01-31', '2024-05-31', undefined, [['2024-01-31', '2024-02-29'], ['2024-02-29', '2024-03-31'], ['2024-03-31', '2024-04-30'], ['2024-04-30', '2024-05-31']]],
    ['2024-01-01', 'P1W', '2024-01-03', null, '2024-01-20', [['2024-01-03', '2024-01-08'], ['2024-01-08', '2024-01-15'], ['2024-01-15', '2024-01-22']]],
    ['2024-01-01', 'P1Y', '2024-06-01', '2024-06-01', undefined, []],
    ['2024-01-01', 'P1M', '2024-01-10', '2024-01-20', undefined, [['2024-01-10', '2024-01-20']]],
  ])('anchor %s every %s over [%s, %s) to %s', (anchor, cadence, from, to, rangeTo, expected) => {
    const phases = phaseIntervals([{ key: 'default' }], { activeFrom: from, activeTo: to });
    const out = billingPeriods({ billingAnchor: anchor, billingCadence: cadence, phases, to: rangeTo });
    expect(spans(out)).toEqual(expected.map(([a, b]) => span(a as string, b as string)));
  });

  it('fullPeriod is the uncut grid period, phase the phase key', () => {
    const [first, second] = billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', phases: one('2024-01-16', '2024-03-01') });
    expect(first).toMatchObject({ from: d('2024-01-16'), to: d('2024-02-01'), phase: 'default', fullPeriod: { from: d('2024-01-01'), to: d('2024-02-01') } });
    expect(second).toMatchObject({ from: d('2024-02-01'), to: d('2024-03-01'), fullPeriod: { from: d('2024-02-01'), to: d('2024-03-01') } });
  });

  it('a phase boundary off the grid cuts the period in two', () => {
    const phases = phaseIntervals([{ key: 'trial', duration: 'P14D' }, { key: 'default' }], { activeFrom: '2024-01-01', activeTo: '2024-03-01' });
    const out = billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', phases });
    expect(out.map((p) => [p.phase, `${p.from.toISOString().slice(0, 10)}..${p.to.toISOString().slice(0, 10)}`, p.fullPeriod.from.toISOString().slice(0, 10)])).toEqual([
      ['trial', '2024-01-01..2024-01-15', '2024-01-01'],
      ['default', '2024-01-15..2024-02-01', '2024-01-01'],
      ['default', '2024-02-01..2024-03-01', '2024-02-01'],
    ]);
  });

  it('a range lists the whole periods that overlap it, not cut by the range', () => {
    const out = billingPeriods({
      billingAnchor: '2024-01-01',
      billingCadence: 'P1M',
      phases: one('2024-01-01', null),
      from: '2024-02-10',
      to: '2024-03-01',
    });
    expect(spans(out)).toEqual([span('2024-02-01', '2024-03-01')]);
    expect(billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', phases: one('2024-01-01', null), from: '2024-02-10', to: '2024-02-10' })).toEqual([]);
  });

  it('S12: monthly in New York from local midnight Mar 1 — boundaries Apr 1 04:00Z and May 1 04:00Z', () => {
    const out = billingPeriods({
      billingAnchor: '2024-03-01T05:00:00Z',
      billingCadence: 'P1M',
      timeZone: 'America/New_York',
      phases: one('2024-03-01T05:00:00Z', null),
      to: '2024-05-01T04:00:00Z',
    });
    expect(spans(out)).toEqual([span('2024-03-01T05:00:00Z', '2024-04-01T04:00:00Z'), span('2024-04-01T04:00:00Z', '2024-05-01T04:00:00Z')]);
    expect((out[0]?.to.getTime() ?? 0) - (out[0]?.from.getTime() ?? 0)).toBe((30 * 24 + 23) * 3_600_000);
  });

  it.each([
    [{ phases: one('2024-01-01', null) }, 'to:range_required'],
    [{ phases: one('2024-01-01', null), from: '2024-02-01', to: '2024-01-01' }, 'to:invalid_range'],
    [{ phases: one('2024-01-01', '2024-02-01'), billingCadence: 'P0D' }, 'billingCadence:invalid_interval'],
  ])('refuses %j with %s', (input, expected) => {
    try {
      billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', ...input });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const i = (e as ValidationError).issues[0];
      expect(`${i?.path}:${i?.code}`).toBe(expected);
    }
  });

  it('no phases, no periods', () => {
    expect(billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', phases: [] })).toEqual([]);
  });
});

describe('billingPeriodAt (SB5 currentPeriod)', () => {
  const list = billingPeriods({ billingAnchor: '2024-01-01', billingCadence: 'P1M', phases: one('2024-01-16', '2024-03-10') });
  it.each([
    ['2024-01-15T23:59:59Z', null],
    ['2024-01-16', '2024-01-16'],
    ['2024-02-01', '2024-02-01'],
    ['2024-03-09T23:59:59Z', '2024-03-01'],
    ['2024-03-10', null],
  ])('at %s → the period from %s', (at, from) => {
    expect(billingPeriodAt(list, at)?.from.toISOString() ?? null).toBe(from === null ? null : d(from).toISOString());
  });
});
