import { describe, expect, it } from 'vitest';
import { formatDuration, isZeroDuration, parseDuration, parseInterval, type Duration } from '../../../src/core/time';
import { expectValidation } from './helpers';

const D = (parts: Partial<Duration>): Duration => ({
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  ...parts,
});

describe('parseDuration', () => {
  it.each([
    ['P1Y', D({ years: 1 })],
    ['P1M', D({ months: 1 })],
    ['P3M', D({ months: 3 })],
    ['P1W', D({ weeks: 1 })],
    ['P1D', D({ days: 1 })],
    ['PT1H', D({ hours: 1 })],
    ['PT15M', D({ minutes: 15 })],
    ['PT30S', D({ seconds: 30 })],
    ['PT24H', D({ hours: 24 })],
    ['P0D', D({})],
    ['PT0S', D({})],
    ['P1M1D', D({ months: 1, days: 1 })],
    ['P1DT12H', D({ days: 1, hours: 12 })],
    ['P1Y2M3W4DT5H6M7S', D({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 })],
    ['P2W3D', D({ weeks: 2, days: 3 })],
    ['PT1H30M', D({ hours: 1, minutes: 30 })],
    ['PT1M30S', D({ minutes: 1, seconds: 30 })],
    ['P007D', D({ days: 7 })],
    ['P100Y', D({ years: 100 })],
  ])('parses %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    'P',
    'PT',
    '1M',
    'P1H',
    'PT1D',
    'PT15',
    'P1',
    'P1.5.5D',
    'P1.5D',
    'PT0.5S',
    'P1,5D',
    '',
    'p1d',
    'P1d',
    'pt1h',
    '-P1D',
    'P-1D',
    '+P1D',
    'P1DT',
    'P1M1Y',
    'P1D1W',
    'PT1S1M',
    'PT1M1H',
    'P1Y1Y',
    'P T1H',
    ' P1D',
    'P1D ',
    'P1E3D',
    'P99999999999999999999D',
    'R/P1D',
  ])('rejects %j', (text) => {
    expectValidation(() => parseDuration(text), 'duration', 'invalid_duration');
  });

  it.each([
    ['a number', 1],
    ['null', null],
    ['undefined', undefined],
    ['an object', { days: 1 }],
  ])('rejects %s', (_label, value) => {
    expectValidation(() => parseDuration(value), 'duration', 'invalid_duration');
  });

  it('names the given path in the error', () => {
    expectValidation(() => parseDuration('P1H', 'phases[0].duration'), 'phases[0].duration', 'invalid_duration');
  });

  it('returns a fresh object each time (the cache is not exposed)', () => {
    const a = parseDuration('P1M');
    a.months = 99;
    expect(parseDuration('P1M').months).toBe(1);
  });
});

describe('formatDuration', () => {
  it.each([
    [D({}), 'P0D'],
    [D({ years: 1 }), 'P1Y'],
    [D({ months: 1, days: 1 }), 'P1M1D'],
    [D({ weeks: 2 }), 'P2W'],
    [D({ hours: 24 }), 'PT24H'],
    [D({ days: 1, minutes: 30 }), 'P1DT30M'],
    [D({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }), 'P1Y2M3W4DT5H6M7S'],
    [D({ seconds: 90 }), 'PT90S'],
  ])('formats %j as %s', (value, expected) => {
    expect(formatDuration(value)).toBe(expected);
  });

  it.each([
    ['P0Y1M', 'P1M'],
    ['PT0S', 'P0D'],
    ['P0Y0M0W0DT0H0M0S', 'P0D'],
    ['P007D', 'P7D'],
    ['P1DT0H', 'P1D'],
  ])('canonicalises %s to %s', (text, expected) => {
    expect(formatDuration(parseDuration(text))).toBe(expected);
  });

  it.each(['P1Y', 'P3M', 'P1W', 'P1D', 'PT1H', 'PT15M', 'PT30S', 'P1Y2M3W4DT5H6M7S', 'P1DT12H'])(
    'round-trips the canonical %s',
    (text) => {
      expect(formatDuration(parseDuration(text))).toBe(text);
    },
  );

  it.each([
    ['a negative component', D({ days: -1 })],
    ['a fractional component', D({ hours: 1.5 })],
    ['NaN', D({ minutes: Number.NaN })],
  ])('rejects %s', (_label, value) => {
    expect(() => formatDuration(value)).toThrow(/non-negative integer/);
  });
});

describe('isZeroDuration', () => {
  it.each([
    ['P0D', true],
    ['PT0S', true],
    ['P0Y0M', true],
    ['P1D', false],
    ['PT1S', false],
    ['P0DT1S', false],
  ])('%s → %s', (text, expected) => {
    expect(isZeroDuration(parseDuration(text))).toBe(expected);
  });
});

describe('parseInterval', () => {
  it.each([
    ['P1M', D({ months: 1 })],
    ['PT24H', D({ hours: 24 })],
    ['P1W', D({ weeks: 1 })],
  ])('accepts %s', (text, expected) => {
    expect(parseInterval(text)).toEqual(expected);
  });

  it.each(['P0D', 'PT0S', 'P0Y0M0W0DT0H0M0S'])('rejects the zero duration %s with invalid_interval', (text) => {
    expectValidation(() => parseInterval(text), 'interval', 'invalid_interval');
  });

  it.each(['P', 'PT', 'P1H', '', 'P1.5D'])('rejects the malformed %j with invalid_duration at path interval', (text) => {
    expectValidation(() => parseInterval(text), 'interval', 'invalid_duration');
  });

  it('names the given path in the error', () => {
    expectValidation(() => parseInterval('P0D', 'usagePeriod.interval'), 'usagePeriod.interval', 'invalid_interval');
  });
});
