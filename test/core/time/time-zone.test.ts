import { describe, expect, it } from 'vitest';
import { assertTimeZone, fromLocal, toLocal, type LocalDateTime } from '../../../src/core/time';
import { possibleInstants } from '../../../src/core/time/internal';
import { expectValidation, iso, ms, zoneHasDst2024 } from './helpers';

const local = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): LocalDateTime => ({ year, month, day, hour, minute, second, millisecond });

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';
const hasLordHowe = zoneHasDst2024(LORD_HOWE, '2024-07-01T00:00:00Z', '2024-01-01T00:00:00Z');

describe('assertTimeZone', () => {
  it.each(['UTC', 'Etc/UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Etc/GMT+5', 'Pacific/Chatham'])(
    'accepts %s and returns it',
    (zone) => {
      expect(assertTimeZone(zone)).toBe(zone);
    },
  );

  it.each([
    ['an unknown zone', 'Mars/Olympus'],
    ['an empty string', ''],
    ['an offset string', '+05:30'],
    ['a negative offset string', '-05:00'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { zone: 'UTC' }],
  ])('rejects %s', (_label, zone) => {
    expectValidation(() => assertTimeZone(zone), 'timeZone', 'invalid_time_zone');
  });

  it('names the given path in the error', () => {
    expectValidation(() => assertTimeZone('Nowhere/Land', 'meter.timeZone'), 'meter.timeZone', 'invalid_time_zone');
  });
});

describe('toLocal', () => {
  it.each([
    ['2024-03-10T07:30:00.000Z', 'UTC', local(2024, 3, 10, 7, 30)],
    ['2024-03-10T06:59:59.999Z', NY, local(2024, 3, 10, 1, 59, 59, 999)],
    ['2024-03-10T07:00:00.000Z', NY, local(2024, 3, 10, 3, 0)],
    ['2024-11-03T05:30:00.000Z', NY, local(2024, 11, 3, 1, 30)],
    ['2024-11-03T06:30:00.000Z', NY, local(2024, 11, 3, 1, 30)],
    ['2024-03-31T00:59:59.000Z', LONDON, local(2024, 3, 31, 0, 59, 59)],
    ['2024-03-31T01:00:00.000Z', LONDON, local(2024, 3, 31, 2, 0)],
    ['2024-01-01T18:30:00.000Z', KOLKATA, local(2024, 1, 2, 0, 0)],
    ['2023-12-31T23:59:59.999Z', 'Pacific/Kiritimati', local(2024, 1, 1, 13, 59, 59, 999)],
    ['1969-12-31T23:59:59.999Z', 'UTC', local(1969, 12, 31, 23, 59, 59, 999)],
    ['1900-01-01T00:00:00.000Z', 'UTC', local(1900, 1, 1)],
  ])('%s in %s', (instant, zone, expected) => {
    expect(toLocal(ms(instant), zone)).toEqual(expected);
  });

  it.runIf(hasLordHowe)('follows the 30-minute DST of Australia/Lord_Howe', () => {
    expect(toLocal(ms('2024-04-06T14:59:59Z'), LORD_HOWE)).toEqual(local(2024, 4, 7, 1, 59, 59));
    expect(toLocal(ms('2024-04-06T15:00:00Z'), LORD_HOWE)).toEqual(local(2024, 4, 7, 1, 30));
    expect(toLocal(ms('2024-10-05T15:29:59Z'), LORD_HOWE)).toEqual(local(2024, 10, 6, 1, 59, 59));
    expect(toLocal(ms('2024-10-05T15:30:00Z'), LORD_HOWE)).toEqual(local(2024, 10, 6, 2, 30));
  });

  it.each([
    // Transitions that fall exactly on a UTC midnight (the edge of the offset cache's day buckets).
    ['Africa/Casablanca', '2010-05-02T00:00:00.000Z', local(2010, 5, 1, 23, 59, 59, 999), local(2010, 5, 2, 1, 0)],
    ['Asia/Jerusalem', '2010-03-26T00:00:00.000Z', local(2010, 3, 26, 1, 59, 59, 999), local(2010, 3, 26, 3, 0)],
    ['Asia/Gaza', '2023-04-29T00:00:00.000Z', local(2023, 4, 29, 1, 59, 59, 999), local(2023, 4, 29, 3, 0)],
  ])('%s: a transition at %s (UTC midnight)', (zone, at, before, after) => {
    expect(toLocal(ms(at) - 1, zone)).toEqual(before);
    expect(toLocal(ms(at), zone)).toEqual(after);
  });

  it('agrees with Intl.DateTimeFormat around every 2024 transition of several zones', () => {
    const zones = [NY, LONDON, 'Europe/Berlin', 'Australia/Sydney', 'America/Santiago', 'Pacific/Chatham', 'Asia/Gaza'];
    let checked = 0;
    const mismatches: string[] = [];
    for (const zone of zones) {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      const oracle = (t: number): LocalDateTime => {
        const parts = f.formatToParts(t);
        const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
        return {
          year: get('year'),
          month: get('month'),
          day: get('day'),
          hour: get('hour'),
          minute: get('minute'),
          second: get('second'),
          millisecond: ((t % 1000) + 1000) % 1000,
        };
      };
      const key = (l: LocalDateTime): string => JSON.stringify(l);
      const compare = (t: number): void => {
        checked += 1;
        const got = key(toLocal(t, zone));
        const want = key(oracle(t));
        if (got !== want) mismatches.push(`${zone} ${iso(t)}: ${got} != ${want}`);
      };
      // Every hour through 2024, then every second of the hour around each change found.
      let previous = oracle(Date.UTC(2024, 0, 1));
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
        const current = oracle(t);
        checked += 1;
        if (key(toLocal(t, zone)) !== key(current)) mismatches.push(`${zone} ${iso(t)}`);
        if (current.minute !== previous.minute || (current.hour - previous.hour + 24) % 24 !== 1) {
          for (let u = t - 3_600_000; u <= t; u += 1000) compare(u + (u % 7_000 === 0 ? 999 : 0));
        }
        previous = current;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(7 * 8784 + 10 * 3601);
  });

  it('rejects a bad instant or zone', () => {
    expectValidation(() => toLocal(Number.NaN, 'UTC'), 'ms', 'invalid_instant');
    expectValidation(() => toLocal(1.5, 'UTC'), 'ms', 'invalid_instant');
    expectValidation(() => toLocal(0, 'Nope/Zone'), 'timeZone', 'invalid_time_zone');
  });
});

describe('fromLocal', () => {
  it.each([
    ['an ordinary time in UTC', local(2024, 3, 10, 2, 30), 'UTC', '2024-03-10T02:30:00.000Z'],
    ['an ordinary time in New York (EST)', local(2024, 1, 15, 9, 0), NY, '2024-01-15T14:00:00.000Z'],
    ['an ordinary time in New York (EDT)', local(2024, 7, 15, 9, 0, 0, 5), NY, '2024-07-15T13:00:00.005Z'],
    ['the gap start in New York', local(2024, 3, 10, 2, 0), NY, '2024-03-10T07:00:00.000Z'],
    ['02:30 in the New York gap (moves to 03:30 EDT)', local(2024, 3, 10, 2, 30), NY, '2024-03-10T07:30:00.000Z'],
    ['02:59:59.999 in the New York gap', local(2024, 3, 10, 2, 59, 59, 999), NY, '2024-03-10T07:59:59.999Z'],
    ['03:00 after the New York gap', local(2024, 3, 10, 3, 0), NY, '2024-03-10T07:00:00.000Z'],
    ['01:59 before the New York gap', local(2024, 3, 10, 1, 59), NY, '2024-03-10T06:59:00.000Z'],
    ['01:30 in the New York overlap (earlier, EDT)', local(2024, 11, 3, 1, 30), NY, '2024-11-03T05:30:00.000Z'],
    ['01:00 in the New York overlap (earlier, EDT)', local(2024, 11, 3, 1, 0), NY, '2024-11-03T05:00:00.000Z'],
    ['02:00 after the New York overlap', local(2024, 11, 3, 2, 0), NY, '2024-11-03T07:00:00.000Z'],
    ['00:59 before the New York overlap', local(2024, 11, 3, 0, 59), NY, '2024-11-03T04:59:00.000Z'],
    ['01:30 in the London gap (moves to 02:30 BST)', local(2024, 3, 31, 1, 30), LONDON, '2024-03-31T01:30:00.000Z'],
    ['01:30 in the London overlap (earlier, BST)', local(2024, 10, 27, 1, 30), LONDON, '2024-10-27T00:30:00.000Z'],
    ['midnight in Kolkata (+05:30)', local(2024, 1, 2), KOLKATA, '2024-01-01T18:30:00.000Z'],
    ['Feb 29 in Kolkata', local(2024, 2, 29, 12, 15), KOLKATA, '2024-02-29T06:45:00.000Z'],
  ])('%s', (_label, value, zone, expected) => {
    expect(iso(fromLocal(value, zone))).toBe(expected);
  });

  it.runIf(hasLordHowe)('resolves Lord Howe gap (30 min) and overlap (30 min)', () => {
    // 2024-10-06 02:00 → 02:30 (+10:30 → +11): 02:15 moves forward by the 30-minute gap.
    expect(iso(fromLocal(local(2024, 10, 6, 2, 15), LORD_HOWE))).toBe('2024-10-05T15:45:00.000Z');
    // 2024-04-07 02:00 → 01:30 (+11 → +10:30): 01:45 occurs twice, the earlier (+11) wins.
    expect(iso(fromLocal(local(2024, 4, 7, 1, 45), LORD_HOWE))).toBe('2024-04-06T14:45:00.000Z');
  });

  it('round-trips toLocal for times that are neither skipped nor repeated', () => {
    for (const instant of ['2024-03-10T06:59:59.999Z', '2024-03-10T07:00:00Z', '2024-11-03T07:00:00Z', '2024-06-01T12:34:56.789Z']) {
      expect(fromLocal(toLocal(ms(instant), NY), NY)).toBe(ms(instant));
    }
  });

  it.each([
    ['month', { ...local(2024, 1, 1), month: 13 }, 'local.month'],
    ['month 0', { ...local(2024, 1, 1), month: 0 }, 'local.month'],
    ['Feb 30', local(2024, 2, 30), 'local.day'],
    ['Feb 29 2023', local(2023, 2, 29), 'local.day'],
    ['hour 24', local(2024, 1, 1, 24), 'local.hour'],
    ['minute 60', local(2024, 1, 1, 0, 60), 'local.minute'],
    ['second 60', local(2024, 1, 1, 0, 0, 60), 'local.second'],
    ['millisecond 1000', local(2024, 1, 1, 0, 0, 0, 1000), 'local.millisecond'],
    ['a fractional hour', local(2024, 1, 1, 1.5), 'local.hour'],
    ['a NaN year', local(Number.NaN, 1, 1), 'local.year'],
  ])('rejects %s', (_label, value, path) => {
    expectValidation(() => fromLocal(value, 'UTC'), path, 'invalid_local_date_time');
  });

  it('rejects an unknown zone', () => {
    expectValidation(() => fromLocal(local(2024, 1, 1), 'Nope/Zone'), 'timeZone', 'invalid_time_zone');
  });
});

describe('possibleInstants (internal)', () => {
  it.each([
    ['an ordinary wall time', '2024-07-01T12:00:00Z', 'America/New_York', ['2024-07-01T16:00:00.000Z']],
    ['a wall time in the gap', '2024-03-10T02:30:00Z', 'America/New_York', []],
    ['a repeated wall time', '2024-11-03T01:30:00Z', 'America/New_York', ['2024-11-03T05:30:00.000Z', '2024-11-03T06:30:00.000Z']],
    ['UTC', '2024-03-10T02:30:00Z', 'UTC', ['2024-03-10T02:30:00.000Z']],
  ])('%s', (_label, wall, zone, expected) => {
    expect(possibleInstants(ms(wall), zone).map(iso)).toEqual(expected);
  });
});
