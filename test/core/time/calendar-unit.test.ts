import { describe, expect, it } from 'vitest';
import { nextWindowStart, startOfWindow, type WindowUnit } from '../../../src/core/time';
import { expectValidation, hoursBetween, iso, ms, zoneHasDst2024 } from './helpers';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const KOLKATA = 'Asia/Kolkata';
const HAVANA = 'America/Havana';
const LORD_HOWE = 'Australia/Lord_Howe';
const hasLordHowe = zoneHasDst2024(LORD_HOWE, '2024-07-01T00:00:00Z', '2024-01-01T00:00:00Z');
const hasHavana = zoneHasDst2024(HAVANA, '2024-01-01T00:00:00Z', '2024-07-01T00:00:00Z');

type Row = [label: string, at: string, unit: WindowUnit, zone: string, start: string, next: string];

const window = (at: string, unit: WindowUnit, zone: string): [string, string] => {
  const start = startOfWindow(ms(at), unit, zone);
  return [iso(start), iso(nextWindowStart(start, unit, zone))];
};

describe('startOfWindow / nextWindowStart', () => {
  it.each<Row>([
    ['UTC minute', '2024-03-10T07:30:45.123Z', 'MINUTE', 'UTC', '2024-03-10T07:30:00.000Z', '2024-03-10T07:31:00.000Z'],
    ['UTC hour', '2024-03-10T07:30:45.123Z', 'HOUR', 'UTC', '2024-03-10T07:00:00.000Z', '2024-03-10T08:00:00.000Z'],
    ['UTC day', '2024-03-10T07:30:45.123Z', 'DAY', 'UTC', '2024-03-10T00:00:00.000Z', '2024-03-11T00:00:00.000Z'],
    ['UTC month (leap February)', '2024-02-15T07:30:00Z', 'MONTH', 'UTC', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['UTC month (December)', '2024-12-31T23:59:59.999Z', 'MONTH', 'UTC', '2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    ['UTC, exactly on a start', '2024-03-10T00:00:00Z', 'DAY', 'UTC', '2024-03-10T00:00:00.000Z', '2024-03-11T00:00:00.000Z'],
    ['UTC before 1970', '1969-12-31T23:59:59.999Z', 'HOUR', 'UTC', '1969-12-31T23:00:00.000Z', '1970-01-01T00:00:00.000Z'],
    ['Kolkata hour aligns to xx:30Z', '2024-01-01T10:45:00Z', 'HOUR', KOLKATA, '2024-01-01T10:30:00.000Z', '2024-01-01T11:30:00.000Z'],
    ['Kolkata hour just before :30Z', '2024-01-01T10:29:59.999Z', 'HOUR', KOLKATA, '2024-01-01T09:30:00.000Z', '2024-01-01T10:30:00.000Z'],
    ['Kolkata day starts at 18:30Z', '2024-01-01T20:00:00Z', 'DAY', KOLKATA, '2024-01-01T18:30:00.000Z', '2024-01-02T18:30:00.000Z'],
    ['Kolkata month', '2024-01-31T19:00:00Z', 'MONTH', KOLKATA, '2024-01-31T18:30:00.000Z', '2024-02-29T18:30:00.000Z'],
    ['New York day, ordinary', '2024-07-04T12:00:00Z', 'DAY', NY, '2024-07-04T04:00:00.000Z', '2024-07-05T04:00:00.000Z'],
    ['New York day, spring-forward (23 h)', '2024-03-10T16:00:00Z', 'DAY', NY, '2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z'],
    ['New York day, spring-forward, before the gap', '2024-03-10T06:59:59.999Z', 'DAY', NY, '2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z'],
    ['New York day, fall-back (25 h)', '2024-11-03T12:00:00Z', 'DAY', NY, '2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z'],
    ['New York day, fall-back, in the repeated hour', '2024-11-03T06:30:00Z', 'DAY', NY, '2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z'],
    ['New York hour before the gap', '2024-03-10T06:30:00Z', 'HOUR', NY, '2024-03-10T06:00:00.000Z', '2024-03-10T07:00:00.000Z'],
    ['New York hour after the gap (03:00 EDT)', '2024-03-10T07:30:00Z', 'HOUR', NY, '2024-03-10T07:00:00.000Z', '2024-03-10T08:00:00.000Z'],
    ['New York repeated hour 01:xx EDT (its own window)', '2024-11-03T05:30:00Z', 'HOUR', NY, '2024-11-03T05:00:00.000Z', '2024-11-03T06:00:00.000Z'],
    ['New York repeated hour 01:xx EST (the next window)', '2024-11-03T06:30:00Z', 'HOUR', NY, '2024-11-03T06:00:00.000Z', '2024-11-03T07:00:00.000Z'],
    ['New York hour after the repeat', '2024-11-03T07:00:00Z', 'HOUR', NY, '2024-11-03T07:00:00.000Z', '2024-11-03T08:00:00.000Z'],
    ['New York minute 01:59 EDT', '2024-11-03T05:59:30Z', 'MINUTE', NY, '2024-11-03T05:59:00.000Z', '2024-11-03T06:00:00.000Z'],
    ['New York minute 01:00 EST (second occurrence)', '2024-11-03T06:00:30Z', 'MINUTE', NY, '2024-11-03T06:00:00.000Z', '2024-11-03T06:01:00.000Z'],
    ['New York minute 01:59 EST jumps to 03:00 EDT', '2024-03-10T06:59:59Z', 'MINUTE', NY, '2024-03-10T06:59:00.000Z', '2024-03-10T07:00:00.000Z'],
    ['New York month across spring-forward', '2024-03-20T12:00:00Z', 'MONTH', NY, '2024-03-01T05:00:00.000Z', '2024-04-01T04:00:00.000Z'],
    ['New York month across fall-back', '2024-11-20T12:00:00Z', 'MONTH', NY, '2024-11-01T04:00:00.000Z', '2024-12-01T05:00:00.000Z'],
    ['London day, spring-forward (23 h)', '2024-03-31T12:00:00Z', 'DAY', LONDON, '2024-03-31T00:00:00.000Z', '2024-03-31T23:00:00.000Z'],
    ['London day, fall-back (25 h)', '2024-10-27T12:00:00Z', 'DAY', LONDON, '2024-10-26T23:00:00.000Z', '2024-10-28T00:00:00.000Z'],
    ['London month across spring-forward', '2024-03-15T00:00:00Z', 'MONTH', LONDON, '2024-03-01T00:00:00.000Z', '2024-03-31T23:00:00.000Z'],
  ])('%s', (_label, at, unit, zone, start, next) => {
    expect(window(at, unit, zone)).toEqual([start, next]);
  });

  it('New York: consecutive DAY windows are 24, 23, 24 h and 24, 25, 24 h around the DST changes', () => {
    const lengths = (from: string): number[] => {
      const out: number[] = [];
      let s = startOfWindow(ms(from), 'DAY', NY);
      for (let i = 0; i < 3; i += 1) {
        const n = nextWindowStart(s, 'DAY', NY);
        out.push(hoursBetween(s, n));
        s = n;
      }
      return out;
    };
    expect(lengths('2024-03-09T12:00:00Z')).toEqual([24, 23, 24]);
    expect(lengths('2024-11-02T12:00:00Z')).toEqual([24, 25, 24]);
  });

  it.runIf(hasLordHowe)('Australia/Lord_Howe: 30-minute DST', () => {
    // Spring 2024-10-06 02:00 → 02:30: the 02:xx window has only 30 minutes, the day 23.5 h.
    expect(window('2024-10-05T15:15:00Z', 'HOUR', LORD_HOWE)).toEqual(['2024-10-05T14:30:00.000Z', '2024-10-05T15:30:00.000Z']);
    expect(window('2024-10-05T15:45:00Z', 'HOUR', LORD_HOWE)).toEqual(['2024-10-05T15:30:00.000Z', '2024-10-05T16:00:00.000Z']);
    expect(window('2024-10-05T20:00:00Z', 'DAY', LORD_HOWE)).toEqual(['2024-10-05T13:30:00.000Z', '2024-10-06T13:00:00.000Z']);
    // Fall 2024-04-07 02:00 → 01:30: 01:00-02:00 (+11) is an hour, then 01:30-02:00 (+10:30) a
    // 30-minute window (the offset change cuts it), then hours at xx:30Z; the day is 24.5 h.
    expect(window('2024-04-06T14:30:00Z', 'HOUR', LORD_HOWE)).toEqual(['2024-04-06T14:00:00.000Z', '2024-04-06T15:00:00.000Z']);
    expect(window('2024-04-06T15:15:00Z', 'HOUR', LORD_HOWE)).toEqual(['2024-04-06T15:00:00.000Z', '2024-04-06T15:30:00.000Z']);
    expect(window('2024-04-06T20:00:00Z', 'DAY', LORD_HOWE)).toEqual(['2024-04-06T13:00:00.000Z', '2024-04-07T13:30:00.000Z']);
  });

  it.runIf(hasHavana)('America/Havana: DST changes at midnight do not split the day', () => {
    // 2024-03-10 00:00 → 01:00: midnight does not exist, the day starts at 01:00 CDT.
    expect(window('2024-03-10T12:00:00Z', 'DAY', HAVANA)).toEqual(['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z']);
    // 2024-11-03 01:00 → 00:00: midnight occurs twice, still one 25-hour day.
    expect(window('2024-11-03T12:00:00Z', 'DAY', HAVANA)).toEqual(['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z']);
    expect(window('2024-11-03T05:30:00Z', 'DAY', HAVANA)).toEqual(['2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z']);
  });

  it('nextWindowStart from an instant inside a window gives the next start', () => {
    expect(iso(nextWindowStart(ms('2024-03-10T16:00:00Z'), 'DAY', NY))).toBe('2024-03-11T04:00:00.000Z');
    expect(iso(nextWindowStart(ms('2024-01-01T10:45:00Z'), 'HOUR', KOLKATA))).toBe('2024-01-01T11:30:00.000Z');
  });

  it.each([
    ['an unknown unit', () => startOfWindow(0, 'WEEK' as WindowUnit, 'UTC'), 'unit', 'invalid_window_unit'],
    ['an unknown zone', () => startOfWindow(0, 'DAY', 'Nope/Zone'), 'timeZone', 'invalid_time_zone'],
    ['NaN', () => startOfWindow(Number.NaN, 'DAY', 'UTC'), 'ms', 'invalid_instant'],
    ['a start beyond the Date range', () => nextWindowStart(9e15, 'DAY', 'UTC'), 'startMs', 'invalid_instant'],
    ['an unknown unit (next)', () => nextWindowStart(0, 'YEAR' as WindowUnit, 'UTC'), 'unit', 'invalid_window_unit'],
  ])('rejects %s', (_label, fn, path, code) => {
    expectValidation(fn, path, code);
  });
});
