import { describe, expect, it } from 'vitest';
import { addDuration, addDurationMs, parseDuration } from '../../../src/core/time';
import { expectValidation, hoursBetween, iso, ms, zoneHasDst2024 } from './helpers';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';
const hasLordHowe = zoneHasDst2024(LORD_HOWE, '2024-07-01T00:00:00Z', '2024-01-01T00:00:00Z');

describe('addDuration in UTC', () => {
  it.each([
    ['2024-01-31T00:00:00Z', 'P1M', '2024-02-29T00:00:00.000Z'],
    ['2023-01-31T00:00:00Z', 'P1M', '2023-02-28T00:00:00.000Z'],
    ['2024-03-31T00:00:00Z', 'P1M', '2024-04-30T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P2M', '2024-03-31T00:00:00.000Z'],
    ['2024-12-31T00:00:00Z', 'P2M', '2025-02-28T00:00:00.000Z'],
    ['2024-08-31T09:15:00Z', 'P3M', '2024-11-30T09:15:00.000Z'],
    ['2024-12-15T00:00:00Z', 'P1M', '2025-01-15T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P1Y', '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P4Y', '2028-02-29T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P12M', '2025-02-28T00:00:00.000Z'],
    ['2096-02-29T00:00:00Z', 'P4Y', '2100-02-28T00:00:00.000Z'],
    ['1996-02-29T00:00:00Z', 'P4Y', '2000-02-29T00:00:00.000Z'],
    ['2023-01-30T00:00:00Z', 'P1M1D', '2023-03-01T00:00:00.000Z'],
    ['2024-01-30T00:00:00Z', 'P1M1D', '2024-03-01T00:00:00.000Z'],
    ['2023-01-31T00:00:00Z', 'P1M1D', '2023-03-01T00:00:00.000Z'],
    ['2024-12-31T00:00:00Z', 'P1D', '2025-01-01T00:00:00.000Z'],
    ['2024-02-28T00:00:00Z', 'P1D', '2024-02-29T00:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'P1W', '2024-01-08T00:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'P52W', '2024-12-30T00:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'PT36H', '2024-01-02T12:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'PT90S', '2024-01-01T00:01:30.000Z'],
    ['2024-01-31T10:15:30.123Z', 'P1DT2H30M', '2024-02-01T12:45:30.123Z'],
    ['2023-01-15T00:00:00Z', 'P1Y2M3W4DT5H6M7S', '2024-04-09T05:06:07.000Z'],
    ['2024-01-31T23:30:00Z', 'P1MT1H', '2024-03-01T00:30:00.000Z'],
    ['2024-05-05T05:05:05.005Z', 'P0D', '2024-05-05T05:05:05.005Z'],
    ['2024-05-05T05:05:05.005Z', 'PT0S', '2024-05-05T05:05:05.005Z'],
    ['1969-12-31T23:00:00Z', 'PT2H', '1970-01-01T01:00:00.000Z'],
    ['0001-01-31T00:00:00Z', 'P1M', '0001-02-28T00:00:00.000Z'],
  ])('%s + %s = %s', (start, duration, expected) => {
    expect(addDuration(start, duration).toISOString()).toBe(expected);
  });

  it('accepts a Date and does not mutate it', () => {
    const start = new Date('2024-01-31T00:00:00Z');
    expect(addDuration(start, 'P1M').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(start.toISOString()).toBe('2024-01-31T00:00:00.000Z');
  });

  it('accepts a Duration object (missing components count as zero at run time)', () => {
    expect(addDuration('2024-01-31', parseDuration('P1M1D')).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(addDuration('2024-01-31', { years: 0, months: 0, weeks: 1, days: 0, hours: 0, minutes: 0, seconds: 0 }).toISOString()).toBe(
      '2024-02-07T00:00:00.000Z',
    );
  });
});

describe('addDuration with times', () => {
  it.each([
    ['2024-01-31T00:00:00Z', 'P1M', 1, '2024-02-29T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P1M', 2, '2024-03-31T00:00:00.000Z'],
    // Not chained: chaining would give Feb 29 → Mar 29 → Apr 29.
    ['2024-01-31T00:00:00Z', 'P1M', 3, '2024-04-30T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P1M', 0, '2024-01-31T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P1M', -1, '2023-12-31T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P1M', -2, '2023-11-30T00:00:00.000Z'],
    ['2024-03-31T00:00:00Z', 'P1M', -1, '2024-02-29T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P1M', 12, '2025-01-31T00:00:00.000Z'],
    ['2024-01-31T00:00:00Z', 'P1M', 13, '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P1Y', -4, '2020-02-29T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P1Y', -1, '2023-02-28T00:00:00.000Z'],
    ['2024-01-01T12:00:00Z', 'PT1H', -3, '2024-01-01T09:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'P1DT1H', 2, '2024-01-03T02:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'P1DT1H', -2, '2023-12-29T22:00:00.000Z'],
    ['2024-01-01T00:00:00Z', 'P1W', -1, '2023-12-25T00:00:00.000Z'],
    ['2024-01-15T00:00:00Z', 'P1Y1M', 2, '2026-03-15T00:00:00.000Z'],
  ])('%s + %s × %i = %s', (start, duration, times, expected) => {
    expect(addDuration(start, duration, { times }).toISOString()).toBe(expected);
  });
});

describe('addDuration in a time zone', () => {
  it.each([
    // America/New_York springs forward on 2024-03-10 (02:00 EST → 03:00 EDT, 07:00Z).
    ['P1D keeps 07:00 local across spring-forward (23 h)', '2024-03-09T12:00:00Z', 'P1D', NY, '2024-03-10T11:00:00.000Z', 23],
    ['PT24H is 24 h across spring-forward', '2024-03-09T12:00:00Z', 'PT24H', NY, '2024-03-10T12:00:00.000Z', 24],
    // America/New_York falls back on 2024-11-03 (02:00 EDT → 01:00 EST, 06:00Z).
    ['P1D keeps 08:00 local across fall-back (25 h)', '2024-11-02T12:00:00Z', 'P1D', NY, '2024-11-03T13:00:00.000Z', 25],
    ['PT24H is 24 h across fall-back', '2024-11-02T12:00:00Z', 'PT24H', NY, '2024-11-03T12:00:00.000Z', 24],
    ['P1W across spring-forward is 167 h', '2024-03-05T17:00:00Z', 'P1W', NY, '2024-03-12T16:00:00.000Z', 167],
    ['P1M across spring-forward keeps midnight local', '2024-03-01T05:00:00Z', 'P1M', NY, '2024-04-01T04:00:00.000Z', 743],
    ['a local time in the gap moves forward (02:30 → 03:30 EDT)', '2024-03-09T07:30:00Z', 'P1D', NY, '2024-03-10T07:30:00.000Z', 24],
    ['the gap start moves to 03:00 EDT', '2024-03-09T07:00:00Z', 'P1D', NY, '2024-03-10T07:00:00.000Z', 24],
    ['a repeated local time takes the earlier instant (01:30 EDT)', '2024-11-02T05:30:00Z', 'P1D', NY, '2024-11-03T05:30:00.000Z', 24],
    ['from the second 01:30 (EST), P1D lands on 01:30 EST next day', '2024-11-03T06:30:00Z', 'P1D', NY, '2024-11-04T06:30:00.000Z', 24],
    ['from the second 01:30 (EST), PT1H is exact', '2024-11-03T06:30:00Z', 'PT1H', NY, '2024-11-03T07:30:00.000Z', 1],
    ['from the second 01:30 (EST), P0D changes nothing', '2024-11-03T06:30:00Z', 'P0D', NY, '2024-11-03T06:30:00.000Z', 0],
    ['calendar part resolved first, then exact hours (gap → 03:00, + 1 h)', '2024-03-09T07:00:00Z', 'P1DT1H', NY, '2024-03-10T08:00:00.000Z', 25],
    ['PT1H through the gap is exact', '2024-03-10T06:30:00Z', 'PT1H', NY, '2024-03-10T07:30:00.000Z', 1],
    // Europe/London springs forward on 2024-03-31 (01:00 GMT → 02:00 BST, 01:00Z).
    ['London P1D across spring-forward (23 h)', '2024-03-30T12:00:00Z', 'P1D', LONDON, '2024-03-31T11:00:00.000Z', 23],
    ['London PT24H across spring-forward', '2024-03-30T12:00:00Z', 'PT24H', LONDON, '2024-03-31T12:00:00.000Z', 24],
    ['London 01:30 in the gap moves to 02:30 BST', '2024-03-30T01:30:00Z', 'P1D', LONDON, '2024-03-31T01:30:00.000Z', 24],
    ['London P1D across fall-back (25 h)', '2024-10-26T12:00:00Z', 'P1D', LONDON, '2024-10-27T13:00:00.000Z', 25],
    // Asia/Kolkata is +05:30 all year: the local date differs from the UTC date after 18:30Z.
    ['Kolkata P1M from Jan 31 00:30 IST clamps to Feb 29', '2024-01-30T19:00:00Z', 'P1M', KOLKATA, '2024-02-28T19:00:00.000Z', 696],
    ['Kolkata P1D is always 24 h', '2024-03-09T12:00:00Z', 'P1D', KOLKATA, '2024-03-10T12:00:00.000Z', 24],
  ])('%s', (_label, start, duration, zone, expected, hours) => {
    const out = addDuration(start, duration, { timeZone: zone });
    expect(out.toISOString()).toBe(expected);
    expect(hoursBetween(ms(start), out)).toBe(hours);
  });

  it('the same instant in UTC gives a different result than in Kolkata', () => {
    expect(addDuration('2024-01-30T19:00:00Z', 'P1M').toISOString()).toBe('2024-02-29T19:00:00.000Z');
  });

  it('negative times in a zone count back on the local calendar', () => {
    // 2024-03-11 07:00 EDT minus one day is 2024-03-10 07:00 EDT; minus two is 2024-03-09 07:00 EST.
    expect(addDuration('2024-03-11T11:00:00Z', 'P1D', { timeZone: NY, times: -1 }).toISOString()).toBe('2024-03-10T11:00:00.000Z');
    expect(addDuration('2024-03-11T11:00:00Z', 'P1D', { timeZone: NY, times: -2 }).toISOString()).toBe('2024-03-09T12:00:00.000Z');
  });

  it.runIf(hasLordHowe)('Australia/Lord_Howe: 30-minute DST', () => {
    const lh = { timeZone: LORD_HOWE };
    // Spring 2024-10-06 02:00 → 02:30 (+10:30 → +11): P1D from noon is 23.5 h, PT24H is 24 h.
    expect(iso(addDuration('2024-10-05T01:30:00Z', 'P1D', lh))).toBe('2024-10-06T01:00:00.000Z');
    expect(iso(addDuration('2024-10-05T01:30:00Z', 'PT24H', lh))).toBe('2024-10-06T01:30:00.000Z');
    // 02:15 falls in the 30-minute gap and moves forward to 02:45 (+11).
    expect(iso(addDuration('2024-10-04T15:45:00Z', 'P1D', lh))).toBe('2024-10-05T15:45:00.000Z');
    // Fall 2024-04-07 02:00 → 01:30 (+11 → +10:30): P1D from noon is 24.5 h.
    expect(iso(addDuration('2024-04-06T01:00:00Z', 'P1D', lh))).toBe('2024-04-07T01:30:00.000Z');
    // 01:45 occurs twice; the earlier (+11) is taken.
    expect(iso(addDuration('2024-04-05T14:45:00Z', 'P1D', lh))).toBe('2024-04-06T14:45:00.000Z');
  });
});

describe('addDuration validation', () => {
  it.each([
    ['a bad instant', () => addDuration('2024-02-30', 'P1D'), 'instant', 'invalid_instant'],
    ['an offset-less instant', () => addDuration('2024-01-01T10:00', 'P1D'), 'instant', 'invalid_instant'],
    ['a bad duration', () => addDuration('2024-01-01', 'P1H'), 'duration', 'invalid_duration'],
    ['an empty duration', () => addDuration('2024-01-01', ''), 'duration', 'invalid_duration'],
    [
      'a negative Duration component',
      () => addDuration('2024-01-01', { years: 0, months: 0, weeks: 0, days: -1, hours: 0, minutes: 0, seconds: 0 }),
      'duration.days',
      'invalid_duration',
    ],
    ['an unknown zone', () => addDuration('2024-01-01', 'P1D', { timeZone: 'Nope/Zone' }), 'timeZone', 'invalid_time_zone'],
    ['fractional times', () => addDuration('2024-01-01', 'P1D', { times: 1.5 }), 'times', 'invalid_integer'],
    ['NaN times', () => addDuration('2024-01-01', 'P1D', { times: Number.NaN }), 'times', 'invalid_integer'],
    ['a result beyond the Date range', () => addDuration('9999-12-31', 'P1000000Y'), 'duration', 'out_of_range'],
    ['a result before the Date range', () => addDuration('0001-01-01', 'PT1H', { times: -9_000_000_000_000 }), 'duration', 'out_of_range'],
  ])('rejects %s', (_label, fn, path, code) => {
    expectValidation(fn, path, code);
  });
});

describe('addDurationMs (hot path)', () => {
  it('matches addDuration', () => {
    const d = parseDuration('P1M1DT1H');
    for (const times of [-3, -1, 0, 1, 2, 5]) {
      expect(addDurationMs(ms('2024-01-31T05:00:00Z'), d, times, NY)).toBe(
        addDuration('2024-01-31T05:00:00Z', d, { timeZone: NY, times }).getTime(),
      );
    }
  });

  it('returns NaN when the result leaves the Date range', () => {
    expect(addDurationMs(8.64e15, parseDuration('P1D'), 1, 'UTC')).toBeNaN();
  });
});
