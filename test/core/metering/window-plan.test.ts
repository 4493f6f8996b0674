import { describe, expect, it } from 'vitest';
import { MAX_QUERY_WINDOWS, planWindows } from '../../../src/core/metering';
import { ValidationError } from '../../../src/errors';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('planWindows', () => {
  it('without a window size: one window [from, to), whole hours from rollups, the edges raw', () => {
    const plan = planWindows({ fromMs: t('2024-03-01T10:15:00Z'), toMs: t('2024-03-01T13:45:00Z') });
    expect(plan.windows).toEqual([{ start: t('2024-03-01T10:15:00Z'), end: t('2024-03-01T13:45:00Z'), from: t('2024-03-01T10:15:00Z'), to: t('2024-03-01T13:45:00Z') }]);
    expect(plan.rollupRange).toEqual({ from: t('2024-03-01T11:00:00Z'), to: t('2024-03-01T13:00:00Z') });
    expect(plan.rawRanges.map((r) => [iso(r.from), iso(r.to)])).toEqual([
      ['2024-03-01T10:15:00.000Z', '2024-03-01T11:00:00.000Z'],
      ['2024-03-01T13:00:00.000Z', '2024-03-01T13:45:00.000Z'],
    ]);
    expect(plan.windowOfBucket(t('2024-03-01T11:00:00Z'))).toBe(0);
    expect(plan.windowOfBucket(t('2024-03-01T10:00:00Z'))).toBe(-1);
    expect(plan.windowOfBucket(t('2024-03-01T13:00:00Z'))).toBe(-1);
    expect(plan.windowOfTime(t('2024-03-01T10:14:59.999Z'))).toBe(-1);
    expect(plan.windowOfTime(t('2024-03-01T13:44:59.999Z'))).toBe(0);
    expect(plan.windowOfTime(t('2024-03-01T13:45:00Z'))).toBe(-1);
  });

  it('DAY windows in New York are reported whole and use hour buckets only', () => {
    const plan = planWindows({ fromMs: t('2024-03-10T12:00:00Z'), toMs: t('2024-03-12T00:00:00Z'), windowSize: 'DAY', timeZone: 'America/New_York' });
    expect(plan.windows.map((w) => [iso(w.start), iso(w.end)])).toEqual([
      ['2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z'],
      ['2024-03-11T04:00:00.000Z', '2024-03-12T04:00:00.000Z'],
    ]);
    expect(plan.windows[0]!.from).toBe(t('2024-03-10T12:00:00Z'));
    expect(plan.windows[1]!.to).toBe(t('2024-03-12T00:00:00Z'));
    expect(plan.rawRanges).toEqual([]);
    expect(plan.windowOfBucket(t('2024-03-11T03:00:00Z'))).toBe(0);
    expect(plan.windowOfBucket(t('2024-03-11T04:00:00Z'))).toBe(1);
  });

  it('a half-hour zone reads the hour around each boundary raw', () => {
    const plan = planWindows({ fromMs: t('2024-03-01T00:00:00Z'), toMs: t('2024-03-03T00:00:00Z'), windowSize: 'DAY', timeZone: 'Asia/Kolkata' });
    expect(plan.rawRanges.map((r) => [iso(r.from), iso(r.to)])).toEqual([['2024-03-01T18:00:00.000Z', '2024-03-01T19:00:00.000Z'], ['2024-03-02T18:00:00.000Z', '2024-03-02T19:00:00.000Z']]);
    expect(plan.windowOfBucket(t('2024-03-01T18:00:00Z'))).toBe(-1);
  });

  it('MINUTE windows are read raw, as one merged range', () => {
    const plan = planWindows({ fromMs: t('2024-03-01T00:00:00Z'), toMs: t('2024-03-01T02:00:00Z'), windowSize: 'MINUTE' });
    expect(plan.windows).toHaveLength(120);
    expect(plan.rollupRange).toBeNull();
    expect(plan.rawRanges).toEqual([{ from: t('2024-03-01T00:00:00Z'), to: t('2024-03-01T02:00:00Z') }]);
  });

  it('an empty range has no windows; too many windows is a ValidationError', () => {
    expect(planWindows({ fromMs: 5, toMs: 5, windowSize: 'DAY' }).windows).toEqual([]);
    expect(() => planWindows({ fromMs: 0, toMs: (MAX_QUERY_WINDOWS + 1) * 60_000, windowSize: 'MINUTE' })).toThrow(ValidationError);
    expect(() => planWindows({ fromMs: 0, toMs: 1, windowSize: 'DAY', timeZone: 'Mars/Base' })).toThrow(ValidationError);
  });
});
