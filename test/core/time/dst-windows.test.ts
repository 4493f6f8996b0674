import { describe, expect, it } from 'vitest';
import { nextWindowStart, startOfWindow, toLocal, type WindowUnit } from '../../../src/core/time';
import { iso, ms, zoneHasDst2024 } from './helpers';

/** Every window that overlaps [from, to), as [start, end) ISO pairs (the meter query's loop). */
function windows(from: string, to: string, unit: WindowUnit, zone: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let start = startOfWindow(ms(from), unit, zone); start < ms(to); ) {
    const end = nextWindowStart(start, unit, zone);
    out.push([iso(start), iso(end)]);
    start = end;
  }
  return out;
}

/** Local hh:mm of an instant (to say which wall-clock hour a window is). */
const hhmm = (at: string, zone: string): string => {
  const l = toLocal(ms(at), zone);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
};

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const KATHMANDU = 'Asia/Kathmandu';
const LORD_HOWE = 'Australia/Lord_Howe';
const hasLordHowe = zoneHasDst2024(LORD_HOWE, '2024-07-01T00:00:00Z', '2024-01-01T00:00:00Z');

const z = (s: string): string => `2024-${s}:00.000Z`;

type Case = [label: string, zone: string, unit: WindowUnit, from: string, to: string, expected: Array<[string, string]>];

describe('DST windows: HOUR and MINUTE are exact hours and minutes aligned to the offset', () => {
  it.each<Case>([
    // New York springs forward 2024-03-10 at 07:00Z (02:00 EST → 03:00 EDT): no 02:xx window.
    ['New York gap, HOUR', NY, 'HOUR', z('03-10T05:00'), z('03-10T09:00'), [
      [z('03-10T05:00'), z('03-10T06:00')], // 00:00 EST
      [z('03-10T06:00'), z('03-10T07:00')], // 01:00 EST
      [z('03-10T07:00'), z('03-10T08:00')], // 03:00 EDT
      [z('03-10T08:00'), z('03-10T09:00')], // 04:00 EDT
    ]],
    ['New York gap, MINUTE', NY, 'MINUTE', z('03-10T06:59'), z('03-10T07:01'), [
      [z('03-10T06:59'), z('03-10T07:00')], // 01:59 EST
      [z('03-10T07:00'), z('03-10T07:01')], // 03:00 EDT
    ]],
    // New York falls back 2024-11-03 at 06:00Z (02:00 EDT → 01:00 EST): 01:xx twice, two windows.
    ['New York overlap, HOUR', NY, 'HOUR', z('11-03T04:00'), z('11-03T08:00'), [
      [z('11-03T04:00'), z('11-03T05:00')], // 00:00 EDT
      [z('11-03T05:00'), z('11-03T06:00')], // 01:00 EDT
      [z('11-03T06:00'), z('11-03T07:00')], // 01:00 EST
      [z('11-03T07:00'), z('11-03T08:00')], // 02:00 EST
    ]],
    ['New York overlap, MINUTE', NY, 'MINUTE', z('11-03T05:59'), z('11-03T06:01'), [
      [z('11-03T05:59'), z('11-03T06:00')], // 01:59 EDT
      [z('11-03T06:00'), z('11-03T06:01')], // 01:00 EST
    ]],
    // Berlin springs forward 2024-03-31 at 01:00Z (02:00 CET → 03:00 CEST): no 02:xx window.
    ['Berlin gap, HOUR', BERLIN, 'HOUR', '2024-03-30T23:00:00.000Z', z('03-31T03:00'), [
      ['2024-03-30T23:00:00.000Z', z('03-31T00:00')], // 00:00 CET
      [z('03-31T00:00'), z('03-31T01:00')], // 01:00 CET
      [z('03-31T01:00'), z('03-31T02:00')], // 03:00 CEST
      [z('03-31T02:00'), z('03-31T03:00')], // 04:00 CEST
    ]],
    // Berlin falls back 2024-10-27 at 01:00Z (03:00 CEST → 02:00 CET): 02:xx twice, two windows.
    ['Berlin overlap, HOUR', BERLIN, 'HOUR', '2024-10-26T23:00:00.000Z', z('10-27T03:00'), [
      ['2024-10-26T23:00:00.000Z', z('10-27T00:00')], // 01:00 CEST
      [z('10-27T00:00'), z('10-27T01:00')], // 02:00 CEST
      [z('10-27T01:00'), z('10-27T02:00')], // 02:00 CET
      [z('10-27T02:00'), z('10-27T03:00')], // 03:00 CET
    ]],
    ['Berlin overlap, MINUTE', BERLIN, 'MINUTE', z('10-27T00:59'), z('10-27T01:01'), [
      [z('10-27T00:59'), z('10-27T01:00')], // 02:59 CEST
      [z('10-27T01:00'), z('10-27T01:01')], // 02:00 CET
    ]],
    // Half-hour and 45-minute zones: hours start at xx:30 and xx:15 UTC.
    ['Kolkata (+05:30), HOUR', KOLKATA, 'HOUR', z('01-01T10:00'), z('01-01T12:00'), [
      [z('01-01T09:30'), z('01-01T10:30')],
      [z('01-01T10:30'), z('01-01T11:30')],
      [z('01-01T11:30'), z('01-01T12:30')],
    ]],
    ['Kathmandu (+05:45), HOUR', KATHMANDU, 'HOUR', z('01-01T10:00'), z('01-01T11:00'), [
      [z('01-01T09:15'), z('01-01T10:15')],
      [z('01-01T10:15'), z('01-01T11:15')],
    ]],
    ['Kathmandu (+05:45), MINUTE', KATHMANDU, 'MINUTE', '2024-01-01T10:00:30.000Z', z('01-01T10:01'), [
      [z('01-01T10:00'), z('01-01T10:01')],
    ]],
  ])('%s', (_label, zone, unit, from, to, expected) => {
    expect(windows(from, to, unit, zone)).toEqual(expected);
  });

  it('labels the two New York overlap windows 01:00 EDT and 01:00 EST', () => {
    expect(hhmm(z('11-03T05:00'), NY)).toBe('01:00');
    expect(hhmm(z('11-03T06:00'), NY)).toBe('01:00');
    expect(hhmm(z('03-10T07:00'), NY)).toBe('03:00');
  });

  it.runIf(hasLordHowe)('Lord Howe: a 30-minute change cuts the hour it falls in', () => {
    // Fall 2024-04-07 at 15:00Z (02:00 +11 → 01:30 +10:30).
    expect(windows(z('04-06T13:00'), z('04-06T17:00'), 'HOUR', LORD_HOWE)).toEqual([
      [z('04-06T13:00'), z('04-06T14:00')], // 00:00 +11
      [z('04-06T14:00'), z('04-06T15:00')], // 01:00 +11
      [z('04-06T15:00'), z('04-06T15:30')], // 01:30 +10:30, cut at 02:00
      [z('04-06T15:30'), z('04-06T16:30')], // 02:00 +10:30
      [z('04-06T16:30'), z('04-06T17:30')], // 03:00 +10:30
    ]);
    // Spring 2024-10-06 at 15:30Z (02:00 +10:30 → 02:30 +11).
    expect(windows(z('10-05T14:00'), z('10-05T17:00'), 'HOUR', LORD_HOWE)).toEqual([
      [z('10-05T13:30'), z('10-05T14:30')], // 00:00 +10:30
      [z('10-05T14:30'), z('10-05T15:30')], // 01:00 +10:30
      [z('10-05T15:30'), z('10-05T16:00')], // 02:30 +11, cut at 03:00
      [z('10-05T16:00'), z('10-05T17:00')], // 03:00 +11
    ]);
  });
});

describe('DST windows: DAY and MONTH follow the local calendar', () => {
  it.each<Case>([
    ['New York spring-forward day (23 h)', NY, 'DAY', z('03-10T12:00'), z('03-10T13:00'), [[z('03-10T05:00'), z('03-11T04:00')]]],
    ['New York fall-back day (25 h)', NY, 'DAY', z('11-03T12:00'), z('11-03T13:00'), [[z('11-03T04:00'), z('11-04T05:00')]]],
    ['Berlin spring-forward day (23 h)', BERLIN, 'DAY', z('03-31T12:00'), z('03-31T13:00'), [['2024-03-30T23:00:00.000Z', z('03-31T22:00')]]],
    ['Berlin fall-back day (25 h)', BERLIN, 'DAY', z('10-27T12:00'), z('10-27T13:00'), [['2024-10-26T22:00:00.000Z', z('10-27T23:00')]]],
    ['Berlin March (743 h)', BERLIN, 'MONTH', z('03-15T00:00'), z('03-16T00:00'), [['2024-02-29T23:00:00.000Z', z('03-31T22:00')]]],
    ['Berlin October (745 h)', BERLIN, 'MONTH', z('10-15T00:00'), z('10-16T00:00'), [['2024-09-30T22:00:00.000Z', z('10-31T23:00')]]],
    ['Kolkata day', KOLKATA, 'DAY', z('01-01T20:00'), z('01-01T21:00'), [[z('01-01T18:30'), z('01-02T18:30')]]],
    ['Kathmandu day', KATHMANDU, 'DAY', z('01-01T20:00'), z('01-01T21:00'), [[z('01-01T18:15'), z('01-02T18:15')]]],
    ['Kathmandu leap February', KATHMANDU, 'MONTH', z('02-10T00:00'), z('02-10T01:00'), [['2024-01-31T18:15:00.000Z', z('02-29T18:15')]]],
  ])('%s', (_label, zone, unit, from, to, expected) => {
    expect(windows(from, to, unit, zone)).toEqual(expected);
  });
});
