import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { phaseIntervals, phaseStarts, sumDurations } from '../../../src/core/subscriptions';
import { parseDuration } from '../../../src/core/time';
import { span, spans } from './fixtures';

const abc = [
  { key: 'a', duration: 'P1M' },
  { key: 'b', duration: 'P1M' },
  { key: 'c', duration: null },
];

function issue(f: () => unknown): { path: string; code: string } | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return { path: e.issues[0]?.path ?? '', code: e.issues[0]?.code ?? '' };
    throw e;
  }
  return undefined;
}

describe('phaseStarts (SB4)', () => {
  it('S15: phase starts are not chained — b at Jan 31 + P1M = Feb 29, c at Jan 31 + P2M = Mar 31', () => {
    expect(spans(phaseStarts(abc, { activeFrom: '2024-01-31' }))).toEqual([
      span('2024-01-31', '2024-02-29'),
      span('2024-02-29', '2024-03-31'),
      span('2024-03-31', null),
    ]);
  });

  it.each([
    // [durations, activeFrom, expected starts]
    [['P14D'], '2024-01-01', ['2024-01-01', '2024-01-15']],
    [['P2M'], '2024-01-10', ['2024-01-10', '2024-03-10']],
    [['P1M', 'P1D'], '2024-01-31', ['2024-01-31', '2024-02-29', '2024-03-01']],
    [['P1D', 'P1M'], '2024-01-30', ['2024-01-30', '2024-01-31', '2024-03-01']], // P1M1D: months first, then days
    [['P1Y', 'P1M'], '2024-02-29', ['2024-02-29', '2025-02-28', '2025-03-29']],
    [['PT12H', 'PT12H'], '2024-01-01', ['2024-01-01', '2024-01-01T12:00:00Z', '2024-01-02']],
  ])('%j from %s starts at %j', (durations, activeFrom, starts) => {
    const phases = [...durations.map((duration, i) => ({ key: `p${i}`, duration })), { key: 'last' }];
    expect(phaseStarts(phases, { activeFrom }).map((p) => p.from.toISOString())).toEqual(
      starts.map((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString()),
    );
  });

  it('follows the zone calendar: P1D over the spring-forward day in New York is 23 hours', () => {
    const phases = [{ key: 'a', duration: 'P1D' }, { key: 'b' }];
    const [, b] = phaseStarts(phases, { activeFrom: '2024-03-10T05:00:00Z', timeZone: 'America/New_York' });
    expect(b?.from.toISOString()).toBe('2024-03-11T04:00:00.000Z');
  });

  it('startingPhase drops the earlier phases and starts at activeFrom', () => {
    const out = phaseStarts(abc, { activeFrom: '2024-01-31', startingPhase: 'b' });
    expect(out.map((p) => [p.key, p.index])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    expect(spans(out)).toEqual([span('2024-01-31', '2024-02-29'), span('2024-02-29', null)]);
  });

  it.each([
    [() => phaseStarts(abc, { activeFrom: '2024-01-01', startingPhase: 'x' }), 'startingPhase', 'unknown_phase'],
    [() => phaseStarts([{ key: 'a' }, { key: 'b' }], { activeFrom: '2024-01-01' }), 'phases[0].duration', 'missing_duration'],
    [() => phaseStarts([{ key: 'a', duration: 'P1M' }], { activeFrom: '2024-01-01' }), 'phases[0].duration', 'last_phase_has_duration'],
    [() => phaseStarts([{ key: 'a', duration: 'P0D' }, { key: 'b' }], { activeFrom: '2024-01-01' }), 'phases[0].duration', 'invalid_interval'],
    [() => phaseStarts([], { activeFrom: '2024-01-01' }), 'phases', 'too_small'],
    [() => phaseStarts(abc, { activeFrom: 'Jan 1' }), 'activeFrom', 'invalid_instant'],
    [() => phaseStarts(abc, { activeFrom: '2024-01-01', timeZone: 'Mars/Base' }), 'timeZone', 'invalid_time_zone'],
    [() => phaseIntervals(abc, { activeFrom: '2024-01-02', activeTo: '2024-01-01' }), 'activeTo', 'invalid_range'],
  ])('refuses bad input (%#): %s %s', (f, path, code) => {
    expect(issue(f)).toEqual({ path, code });
  });
});

describe('phaseIntervals (SB4 clipped to activeTo)', () => {
  it.each([
    [null, [span('2024-01-31', '2024-02-29'), span('2024-02-29', '2024-03-31'), span('2024-03-31', null)]],
    ['2024-05-01', [span('2024-01-31', '2024-02-29'), span('2024-02-29', '2024-03-31'), span('2024-03-31', '2024-05-01')]],
    ['2024-03-31', [span('2024-01-31', '2024-02-29'), span('2024-02-29', '2024-03-31')]],
    ['2024-03-01', [span('2024-01-31', '2024-02-29'), span('2024-02-29', '2024-03-01')]],
    ['2024-02-10', [span('2024-01-31', '2024-02-10')]],
    ['2024-01-31', []],
  ])('activeTo %s', (activeTo, expected) => {
    expect(spans(phaseIntervals(abc, { activeFrom: '2024-01-31', activeTo }))).toEqual(expected);
  });
});

describe('sumDurations', () => {
  it('adds component-wise', () => {
    expect(sumDurations([parseDuration('P1M'), parseDuration('P1M'), parseDuration('P1Y2DT3H')])).toEqual(parseDuration('P1Y2M2DT3H'));
    expect(sumDurations([])).toEqual(parseDuration('P0D'));
  });
});
