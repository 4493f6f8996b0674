import { describe, expect, it } from 'vitest';
import { toInstant } from '../../../src/core/time';
import { expectValidation } from './helpers';

describe('toInstant', () => {
  it.each([
    ['2024-03-10', '2024-03-10T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['0001-01-01', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31', '9999-12-31T00:00:00.000Z'],
    ['2024-03-10T07:30Z', '2024-03-10T07:30:00.000Z'],
    ['2024-03-10T07:30:15Z', '2024-03-10T07:30:15.000Z'],
    ['2024-03-10T07:30:15.1Z', '2024-03-10T07:30:15.100Z'],
    ['2024-03-10T07:30:15.12Z', '2024-03-10T07:30:15.120Z'],
    ['2024-03-10T07:30:15.123Z', '2024-03-10T07:30:15.123Z'],
    ['2024-03-10T07:30:15.123999999Z', '2024-03-10T07:30:15.123Z'],
    ['2024-03-10T02:30:00-05:00', '2024-03-10T07:30:00.000Z'],
    ['2024-03-10T02:30:00-0500', '2024-03-10T07:30:00.000Z'],
    ['2024-03-10T13:00+05:30', '2024-03-10T07:30:00.000Z'],
    ['2024-03-10T13:00+0530', '2024-03-10T07:30:00.000Z'],
    ['2024-01-01T00:30+01:00', '2023-12-31T23:30:00.000Z'],
    ['2024-12-31T23:59:59.999+00:00', '2024-12-31T23:59:59.999Z'],
    ['2024-12-31T23:59:59.999-00:00', '2024-12-31T23:59:59.999Z'],
    ['2024-06-30T23:00-23:59', '2024-07-01T22:59:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(toInstant(input).toISOString()).toBe(expected);
  });

  it.each([
    ['2024-03-10T07:30:00', /no offset/],
    ['2024-03-10T07:30', /no offset/],
    ['2024-03-10T07:30:00.123', /no offset/],
  ])('rejects the offset-less date-time %s as ambiguous', (input, message) => {
    const error = expectValidation(() => toInstant(input), 'at', 'invalid_instant');
    expect(error.issues[0]?.message).toMatch(message);
  });

  it.each([
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-32',
    '2023-02-29',
    '2100-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-01-01T24:00Z',
    '2024-01-01T23:60Z',
    '2024-01-01T23:59:60Z',
    '2024-01-01T10:00+24:00',
    '2024-01-01T10:00+05:60',
    '2024-01-01T10:00:00+05',
    '2024-01-01T10:00:00+5:00',
    '2024-01-01T10Z',
    '2024-01-01T10:00:00.Z',
    '2024-01-01T10:00:00.1234567890Z',
    '2024-01-01t10:00:00z',
    '2024-01-01T10:00:00z',
    '2024-01-01 10:00:00Z',
    '2024-1-01',
    '24-01-01',
    '+002024-01-01',
    '2024/01/01',
    '20240101',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024-01-01T',
    '',
    'now',
    '1704067200000',
    'Mon, 01 Jan 2024 00:00:00 GMT',
  ])('rejects the string %j', (input) => {
    expectValidation(() => toInstant(input), 'at', 'invalid_instant');
  });

  it.each([
    ['an invalid Date', new Date(Number.NaN)],
    ['a number', 1_704_067_200_000],
    ['null', null],
    ['undefined', undefined],
    ['an object', { toISOString: (): string => '2024-01-01T00:00:00Z' }],
    ['a boolean', true],
  ])('rejects %s', (_label, input) => {
    expectValidation(() => toInstant(input), 'at', 'invalid_instant');
  });

  it('names the given path in the error', () => {
    expectValidation(() => toInstant('2024-02-30', 'anchor'), 'anchor', 'invalid_instant');
  });

  it('returns a new Date equal to a Date input', () => {
    const input = new Date('2024-05-05T05:05:05.005Z');
    const out = toInstant(input);
    expect(out).not.toBe(input);
    expect(out.getTime()).toBe(input.getTime());
    out.setTime(0);
    expect(input.toISOString()).toBe('2024-05-05T05:05:05.005Z');
  });

  it('accepts the extremes of the Date range', () => {
    expect(toInstant(new Date(8.64e15)).getTime()).toBe(8.64e15);
    expect(toInstant(new Date(-8.64e15)).getTime()).toBe(-8.64e15);
  });
});
