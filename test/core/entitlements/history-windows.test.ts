import { ValidationError } from '../../../src/errors';
import { MAX_QUERY_WINDOWS } from '../../../src/core/metering';
import { describe, expect, it } from 'vitest';
import { historyWindows } from '../../../src/core/entitlements';

const ms = (s: string): number => Date.parse(s);
const show = (ws: Array<{ from: number; to: number }>): Array<[string, string]> =>
  ws.map((w) => [new Date(w.from).toISOString(), new Date(w.to).toISOString()]);

describe('historyWindows', () => {
  it.each([
    [
      'HOUR, aligned range',
      '2024-01-01T10:00:00.000Z',
      '2024-01-01T13:00:00.000Z',
      'HOUR',
      [
        ['2024-01-01T10:00:00.000Z', '2024-01-01T11:00:00.000Z'],
        ['2024-01-01T11:00:00.000Z', '2024-01-01T12:00:00.000Z'],
        ['2024-01-01T12:00:00.000Z', '2024-01-01T13:00:00.000Z'],
      ],
    ],
    [
      'HOUR, first and last clipped',
      '2024-01-01T10:15:00.000Z',
      '2024-01-01T12:30:00.000Z',
      'HOUR',
      [
        ['2024-01-01T10:15:00.000Z', '2024-01-01T11:00:00.000Z'],
        ['2024-01-01T11:00:00.000Z', '2024-01-01T12:00:00.000Z'],
        ['2024-01-01T12:00:00.000Z', '2024-01-01T12:30:00.000Z'],
      ],
    ],
    ['HOUR, inside one hour: a single clipped window', '2024-01-01T10:15:00.000Z', '2024-01-01T10:45:00.000Z', 'HOUR', [['2024-01-01T10:15:00.000Z', '2024-01-01T10:45:00.000Z']]],
    [
      'DAY, as documented',
      '2024-01-01T12:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
      'DAY',
      [
        ['2024-01-01T12:00:00.000Z', '2024-01-02T00:00:00.000Z'],
        ['2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z'],
      ],
    ],
    [
      'DAY, to 1 ms into a day adds a 1 ms window',
      '2024-01-01T00:00:00.000Z',
      '2024-01-02T00:00:00.001Z',
      'DAY',
      [
        ['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z'],
        ['2024-01-02T00:00:00.000Z', '2024-01-02T00:00:00.001Z'],
      ],
    ],
    [
      'MONTH, calendar months (leap February) with clipping',
      '2024-01-15T00:00:00.000Z',
      '2024-04-10T00:00:00.000Z',
      'MONTH',
      [
        ['2024-01-15T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
        ['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
        ['2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z'],
        ['2024-04-01T00:00:00.000Z', '2024-04-10T00:00:00.000Z'],
      ],
    ],
    [
      'MONTH, across a year end',
      '2023-12-01T00:00:00.000Z',
      '2024-02-01T00:00:00.000Z',
      'MONTH',
      [
        ['2023-12-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
        ['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
      ],
    ],
    ['from == to on a window start: empty', '2024-01-01T10:00:00.000Z', '2024-01-01T10:00:00.000Z', 'HOUR', []],
    ['from > to in different windows: empty', '2024-01-02T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'HOUR', []],
  ] as const)('%s', (_case, from, to, size, expected) => {
    expect(show(historyWindows(ms(from), ms(to), size))).toEqual(expected);
  });

  it.each([
    ['from == to inside a day', '2024-01-01T10:00:00.000Z', '2024-01-01T10:00:00.000Z', 'DAY'],
    ['from == to inside an hour', '2024-01-01T10:15:00.000Z', '2024-01-01T10:15:00.000Z', 'HOUR'],
    ['from > to within one hour', '2024-01-01T10:30:00.000Z', '2024-01-01T10:10:00.000Z', 'HOUR'],
    ['from > to within one month', '2024-01-20T00:00:00.000Z', '2024-01-10T00:00:00.000Z', 'MONTH'],
  ] as const)('empty when from >= to: %s', (_case, from, to, size) => {
    expect(historyWindows(ms(from), ms(to), size)).toEqual([]);
  });

  it('returns epoch ms numbers that tile [from, to) with no gap or overlap', () => {
    const from = ms('2024-01-01T10:15:00.000Z');
    const to = ms('2024-01-03T07:00:00.000Z');
    const ws = historyWindows(from, to, 'HOUR');
    expect(ws).toHaveLength(45);
    expect(ws[0]!.from).toBe(from);
    expect(ws.at(-1)!.to).toBe(to);
    for (let i = 1; i < ws.length; i++) expect(ws[i]!.from).toBe(ws[i - 1]!.to);
  });

  it('counts each window from where usage is measured, when that is later than its start', () => {
    const rows = historyWindows(ms('2024-01-01T00:00:00Z'), ms('2024-01-03T00:00:00Z'), 'DAY', ms('2024-01-01T12:00:00Z'));
    expect(rows.map((w) => new Date(w.usageFrom).toISOString())).toEqual(['2024-01-01T12:00:00.000Z', '2024-01-02T00:00:00.000Z']);
  });

  it('counts from the window start when usage is measured from earlier (the default)', () => {
    const rows = historyWindows(ms('2024-01-01T06:00:00Z'), ms('2024-01-02T00:00:00Z'), 'DAY');
    expect(rows).toEqual([{ from: ms('2024-01-01T06:00:00Z'), to: ms('2024-01-02T00:00:00Z'), usageFrom: ms('2024-01-01T06:00:00Z') }]);
  });

  it('refuses more windows than a meter query may return (a MINUTE history over centuries)', () => {
    let error: unknown;
    try {
      historyWindows(ms('1970-01-01T00:00:00Z'), ms('9999-12-31T00:00:00Z'), 'MINUTE');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => [i.path, i.code])).toEqual([['windowSize', 'too_many_windows']]);
  });

  it('allows exactly the limit', () => {
    const from = ms('2024-01-01T00:00:00Z');
    expect(historyWindows(from, from + MAX_QUERY_WINDOWS * 60_000, 'MINUTE')).toHaveLength(MAX_QUERY_WINDOWS);
  });
});
