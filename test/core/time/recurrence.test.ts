import { describe, expect, it } from 'vitest';
import { MAX_PERIODS, boundary, periodAt, periods, type Period } from '../../../src/core/time';
import { expectValidation, hoursBetween, iso } from './helpers';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const LONDON = 'Europe/London';

const show = (p: Period): [string, string] => [iso(p.from), iso(p.to)];

describe('boundary', () => {
  it.each([
    [-13, '2022-12-31T00:00:00.000Z'],
    [-2, '2023-11-30T00:00:00.000Z'],
    [-1, '2023-12-31T00:00:00.000Z'],
    [0, '2024-01-31T00:00:00.000Z'],
    [1, '2024-02-29T00:00:00.000Z'],
    [2, '2024-03-31T00:00:00.000Z'],
    [3, '2024-04-30T00:00:00.000Z'],
    [4, '2024-05-31T00:00:00.000Z'],
    [12, '2025-01-31T00:00:00.000Z'],
    [13, '2025-02-28T00:00:00.000Z'],
    [49, '2028-02-29T00:00:00.000Z'],
  ])('Jan 31 2024 + k=%i × P1M = %s', (k, expected) => {
    expect(iso(boundary('2024-01-31', 'P1M', k))).toBe(expected);
  });

  it.each([
    ['2023-01-31', 'P1M', 1, '2023-02-28T00:00:00.000Z'],
    ['2024-02-29', 'P1Y', 1, '2025-02-28T00:00:00.000Z'],
    ['2024-02-29', 'P1Y', 4, '2028-02-29T00:00:00.000Z'],
    ['2024-02-29', 'P1Y', -1, '2023-02-28T00:00:00.000Z'],
    ['2024-02-29', 'P1Y', -4, '2020-02-29T00:00:00.000Z'],
    ['2024-01-31', 'P3M', 1, '2024-04-30T00:00:00.000Z'],
    ['2024-01-31', 'P3M', -1, '2023-10-31T00:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'PT15M', 5, '2024-01-01T01:15:00.000Z'],
    ['2024-01-01T00:00:00Z', 'PT15M', -5, '2023-12-31T22:45:00.000Z'],
  ])('%s + k=%i × %s', (anchor, interval, k, expected) => {
    expect(iso(boundary(anchor, interval, k))).toBe(expected);
  });

  it('follows the local calendar of a zone (midnight New York, EST then EDT)', () => {
    const opts = { timeZone: NY };
    expect(iso(boundary('2024-01-31T00:00:00-05:00', 'P1M', 1, opts))).toBe('2024-02-29T05:00:00.000Z');
    expect(iso(boundary('2024-01-31T00:00:00-05:00', 'P1M', 2, opts))).toBe('2024-03-31T04:00:00.000Z');
    expect(iso(boundary('2024-01-31T00:00:00-05:00', 'P1M', -1, opts))).toBe('2023-12-31T05:00:00.000Z');
  });

  it.each([
    ['a fractional k', () => boundary('2024-01-31', 'P1M', 0.5), 'k', 'invalid_integer'],
    ['a zero interval', () => boundary('2024-01-31', 'P0D', 1), 'interval', 'invalid_interval'],
    ['a bad anchor', () => boundary('2024-31-01', 'P1M', 1), 'anchor', 'invalid_instant'],
    ['a bad zone', () => boundary('2024-01-31', 'P1M', 1, { timeZone: 'X/Y' }), 'timeZone', 'invalid_time_zone'],
    ['a boundary beyond the Date range', () => boundary('2024-01-31', 'P1000Y', 1_000_000), 'interval', 'out_of_range'],
  ])('rejects %s', (_label, fn, path, code) => {
    expectValidation(fn, path, code);
  });
});

describe('periodAt', () => {
  it.each([
    ['inside a period', '2024-03-15T00:00:00Z', ['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']],
    ['exactly on a boundary (the later period)', '2024-02-29T00:00:00Z', ['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']],
    ['1 ms before a boundary', '2024-02-28T23:59:59.999Z', ['2024-01-31T00:00:00.000Z', '2024-02-29T00:00:00.000Z']],
    ['at the anchor', '2024-01-31T00:00:00Z', ['2024-01-31T00:00:00.000Z', '2024-02-29T00:00:00.000Z']],
    ['just before the anchor', '2024-01-30T23:59:59.999Z', ['2023-12-31T00:00:00.000Z', '2024-01-31T00:00:00.000Z']],
    ['before the anchor', '2023-12-15T00:00:00Z', ['2023-11-30T00:00:00.000Z', '2023-12-31T00:00:00.000Z']],
    ['on a boundary before the anchor', '2023-12-31T00:00:00Z', ['2023-12-31T00:00:00.000Z', '2024-01-31T00:00:00.000Z']],
    ['years before the anchor', '2020-03-01T00:00:00Z', ['2020-02-29T00:00:00.000Z', '2020-03-31T00:00:00.000Z']],
    ['decades after the anchor', '2100-03-01T00:00:00Z', ['2100-02-28T00:00:00.000Z', '2100-03-31T00:00:00.000Z']],
  ])('Jan 31 anchor, P1M: %s', (_label, at, expected) => {
    expect(show(periodAt('2024-01-31', 'P1M', at))).toEqual(expected);
  });

  it.each([
    ['PT1H, anchored at :30', '2024-01-01T00:30:00Z', 'PT1H', '2024-01-01T05:10:00Z', ['2024-01-01T04:30:00.000Z', '2024-01-01T05:30:00.000Z']],
    ['PT1H before the anchor', '2024-01-01T00:30:00Z', 'PT1H', '2023-12-31T23:29:59.999Z', ['2023-12-31T22:30:00.000Z', '2023-12-31T23:30:00.000Z']],
    ['P1W from a Monday', '2024-01-01', 'P1W', '2024-01-10T12:00:00Z', ['2024-01-08T00:00:00.000Z', '2024-01-15T00:00:00.000Z']],
    ['P1Y from Feb 29', '2024-02-29', 'P1Y', '2025-03-01T00:00:00Z', ['2025-02-28T00:00:00.000Z', '2026-02-28T00:00:00.000Z']],
    // k=2 is Jan 30 + P2M2D = Apr 1 (chaining Mar 1 + P1M1D would give Apr 2).
    ['P1M1D composite, not chained', '2024-01-30', 'P1M1D', '2024-03-05T00:00:00Z', ['2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z']],
    ['PT1S far from the anchor', '2000-01-01', 'PT1S', '2024-06-01T12:00:00.999Z', ['2024-06-01T12:00:00.000Z', '2024-06-01T12:00:01.000Z']],
  ])('%s', (_label, anchor, interval, at, expected) => {
    expect(show(periodAt(anchor, interval, at))).toEqual(expected);
  });

  it.each([
    ['P1D on the spring-forward day is 23 h', 'P1D', '2024-03-10T12:00:00Z', ['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z'], 23],
    ['P1D on the fall-back day is 25 h', 'P1D', '2024-11-03T12:00:00Z', ['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z'], 25],
    ['P1D in the repeated hour', 'P1D', '2024-11-03T06:30:00Z', ['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z'], 25],
    ['P1D on an ordinary day is 24 h', 'P1D', '2024-07-04T12:00:00Z', ['2024-07-04T04:00:00.000Z', '2024-07-05T04:00:00.000Z'], 24],
    ['PT24H on the spring-forward day is 24 h', 'PT24H', '2024-03-10T12:00:00Z', ['2024-03-10T05:00:00.000Z', '2024-03-11T05:00:00.000Z'], 24],
    ['PT24H on the fall-back day is 24 h', 'PT24H', '2024-11-03T12:00:00Z', ['2024-11-03T05:00:00.000Z', '2024-11-04T05:00:00.000Z'], 24],
    ['P1M across spring-forward', 'P1M', '2024-03-15T00:00:00Z', ['2024-03-01T05:00:00.000Z', '2024-04-01T04:00:00.000Z'], 743],
  ])('New York, midnight anchor: %s', (_label, interval, at, expected, hours) => {
    const p = periodAt('2024-01-01T00:00:00-05:00', interval, at, { timeZone: NY });
    expect(show(p)).toEqual(expected);
    expect(hoursBetween(p.from, p.to)).toBe(hours);
  });

  it('an anchor whose local time falls in a gap on some boundary days (02:30 New York)', () => {
    const anchor = '2024-02-10T02:30:00-05:00';
    expect(show(periodAt(anchor, 'P1M', '2024-03-10T07:00:00Z', { timeZone: NY }))).toEqual([
      '2024-02-10T07:30:00.000Z',
      '2024-03-10T07:30:00.000Z',
    ]);
    expect(show(periodAt(anchor, 'P1M', '2024-03-10T07:30:00Z', { timeZone: NY }))).toEqual([
      '2024-03-10T07:30:00.000Z',
      '2024-04-10T06:30:00.000Z',
    ]);
  });

  it('Asia/Kolkata: month boundaries at local midnight (18:30Z), clamped from Jan 31', () => {
    const anchor = '2024-01-31T00:00:00+05:30';
    expect(show(periodAt(anchor, 'P1M', '2024-02-28T18:29:59.999Z', { timeZone: KOLKATA }))).toEqual([
      '2024-01-30T18:30:00.000Z',
      '2024-02-28T18:30:00.000Z',
    ]);
    expect(show(periodAt(anchor, 'P1M', '2024-02-29T18:29:59.999Z', { timeZone: KOLKATA }))).toEqual([
      '2024-02-28T18:30:00.000Z',
      '2024-03-30T18:30:00.000Z',
    ]);
  });

  it('accepts Date inputs', () => {
    const p = periodAt(new Date('2024-01-31T00:00:00Z'), 'P1M', new Date('2024-02-29T00:00:00Z'));
    expect(show(p)).toEqual(['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']);
  });

  it.each([
    ['a bad anchor', () => periodAt('2024-01-31T00:00', 'P1M', '2024-03-01'), 'anchor', 'invalid_instant'],
    ['a bad at', () => periodAt('2024-01-31', 'P1M', 'yesterday'), 'at', 'invalid_instant'],
    ['a zero interval', () => periodAt('2024-01-31', 'PT0S', '2024-03-01'), 'interval', 'invalid_interval'],
    ['a malformed interval', () => periodAt('2024-01-31', 'P1H', '2024-03-01'), 'interval', 'invalid_duration'],
    ['an unknown zone', () => periodAt('2024-01-31', 'P1M', '2024-03-01', { timeZone: 'Europe/Atlantis' }), 'timeZone', 'invalid_time_zone'],
  ])('rejects %s', (_label, fn, path, code) => {
    expectValidation(fn, path, code);
  });
});

describe('periods', () => {
  it.each([
    [
      'whole periods, not clipped',
      { from: '2024-02-10', to: '2024-04-01' },
      [
        ['2024-01-31T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
        ['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z'],
        ['2024-03-31T00:00:00.000Z', '2024-04-30T00:00:00.000Z'],
      ],
    ],
    [
      'a range equal to one period excludes the touching neighbours',
      { from: '2024-02-29', to: '2024-03-31' },
      [['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']],
    ],
    [
      'one ms past a boundary includes the next period',
      { from: '2024-02-29', to: '2024-03-31T00:00:00.001Z' },
      [
        ['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z'],
        ['2024-03-31T00:00:00.000Z', '2024-04-30T00:00:00.000Z'],
      ],
    ],
    [
      'one ms before a boundary includes the previous period',
      { from: '2024-02-28T23:59:59.999Z', to: '2024-02-29' },
      [['2024-01-31T00:00:00.000Z', '2024-02-29T00:00:00.000Z']],
    ],
    [
      'a 1 ms range inside a period',
      { from: '2024-03-15T00:00:00Z', to: '2024-03-15T00:00:00.001Z' },
      [['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']],
    ],
    [
      'a range before and across the anchor (negative k)',
      { from: '2023-11-15', to: '2024-02-15' },
      [
        ['2023-10-31T00:00:00.000Z', '2023-11-30T00:00:00.000Z'],
        ['2023-11-30T00:00:00.000Z', '2023-12-31T00:00:00.000Z'],
        ['2023-12-31T00:00:00.000Z', '2024-01-31T00:00:00.000Z'],
        ['2024-01-31T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
      ],
    ],
    ['an empty range', { from: '2024-03-15', to: '2024-03-15' }, []],
    ['an empty range on a boundary', { from: '2024-02-29', to: '2024-02-29' }, []],
  ])('Jan 31 anchor, P1M: %s', (_label, range, expected) => {
    expect(periods('2024-01-31', 'P1M', range).map(show)).toEqual(expected);
  });

  it.each([
    ['P1D across spring-forward', 'P1D', '2024-03-09T05:00:00Z', '2024-03-12T04:00:00Z', [24, 23, 24]],
    ['P1D across fall-back', 'P1D', '2024-11-02T04:00:00Z', '2024-11-05T05:00:00Z', [24, 25, 24]],
    ['PT24H across spring-forward', 'PT24H', '2024-03-09T05:00:00Z', '2024-03-12T05:00:00Z', [24, 24, 24]],
    ['PT24H across fall-back', 'PT24H', '2024-11-02T05:00:00Z', '2024-11-05T05:00:00Z', [24, 24, 24]],
  ])('New York, midnight anchor: %s', (_label, interval, from, to, hours) => {
    const list = periods('2024-01-01T00:00:00-05:00', interval, { from, to, timeZone: NY });
    expect(list.map((p) => hoursBetween(p.from, p.to))).toEqual(hours);
    expect(iso(list[0]!.from)).toBe(new Date(from).toISOString());
    expect(iso(list[list.length - 1]!.to)).toBe(new Date(to).toISOString());
  });

  it('Europe/London monthly periods at local midnight', () => {
    const list = periods('2024-01-01T00:00:00Z', 'P1M', { from: '2024-02-15', to: '2024-04-15', timeZone: LONDON });
    expect(list.map(show)).toEqual([
      ['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
      ['2024-03-01T00:00:00.000Z', '2024-03-31T23:00:00.000Z'],
      ['2024-03-31T23:00:00.000Z', '2024-04-30T23:00:00.000Z'],
    ]);
  });

  it('consecutive periods share boundary instants but not Date objects', () => {
    const list = periods('2024-01-01', 'P1D', { from: '2024-01-01', to: '2024-01-04' });
    expect(list).toHaveLength(3);
    expect(list[0]!.to.getTime()).toBe(list[1]!.from.getTime());
    expect(list[0]!.to).not.toBe(list[1]!.from);
  });

  it(`returns exactly ${MAX_PERIODS} periods at the limit and refuses one more`, () => {
    const from = '2024-01-01T00:00:00Z';
    const list = periods(from, 'PT1S', { from, to: new Date(Date.parse(from) + MAX_PERIODS * 1000) });
    expect(list).toHaveLength(MAX_PERIODS);
    expect(iso(list[MAX_PERIODS - 1]!.to)).toBe('2024-01-12T13:46:40.000Z');
    expectValidation(
      () => periods(from, 'PT1S', { from, to: new Date(Date.parse(from) + MAX_PERIODS * 1000 + 1) }),
      'to',
      'too_many_periods',
    );
  });

  it.each([
    ['from after to', () => periods('2024-01-31', 'P1M', { from: '2024-03-01', to: '2024-02-01' }), 'to', 'invalid_range'],
    ['a bad from', () => periods('2024-01-31', 'P1M', { from: '2024-03-01T00:00', to: '2024-04-01' }), 'from', 'invalid_instant'],
    ['a bad to', () => periods('2024-01-31', 'P1M', { from: '2024-03-01', to: '2024-04-31' }), 'to', 'invalid_instant'],
    ['a bad anchor', () => periods('yesterday', 'P1M', { from: '2024-03-01', to: '2024-04-01' }), 'anchor', 'invalid_instant'],
    ['a zero interval', () => periods('2024-01-31', 'P0D', { from: '2024-03-01', to: '2024-04-01' }), 'interval', 'invalid_interval'],
    ['a malformed interval', () => periods('2024-01-31', 'PT', { from: '2024-03-01', to: '2024-04-01' }), 'interval', 'invalid_duration'],
    [
      'an unknown zone',
      () => periods('2024-01-31', 'P1M', { from: '2024-03-01', to: '2024-04-01', timeZone: 'America/Gotham' }),
      'timeZone',
      'invalid_time_zone',
    ],
    ['too many periods', () => periods('2024-01-01', 'PT1S', { from: '2024-01-01', to: '2025-01-01' }), 'to', 'too_many_periods'],
  ])('rejects %s', (_label, fn, path, code) => {
    expectValidation(fn, path, code);
  });
});
