import { ValidationError } from '../../errors';
import { DURATION_FIELDS, type Duration } from '../time/duration';
import { addDurationMs, ensureZone, isValidEpochMs, parseIntervalCached, toEpochMs } from '../time/internal';
import type { Instant } from '../time';

/** A plan phase as far as its timing goes. */
export interface PhaseShape {
  key: string;
  /** How long the phase lasts (ISO-8601); `null`/absent only for the last, open-ended phase. */
  duration?: string | null | undefined;
}

/** Where a phase lies in a subscription: `[from, to)`, `to` null while open-ended. */
export interface PhaseInterval {
  key: string;
  /** The phase's index in the plan (before `startingPhase` dropped any). */
  index: number;
  from: Date;
  to: Date | null;
}

/** Options of {@link phaseStarts} and {@link phaseIntervals}. */
export interface PhaseStartsOptions {
  activeFrom: Instant;
  /** The phase the subscription starts in; earlier phases are dropped (path `startingPhase`). */
  startingPhase?: string | undefined;
  /** IANA zone whose calendar the phase durations follow. Default `UTC`. */
  timeZone?: string | undefined;
}

const ZERO: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

/**
 * Component-wise sum of durations: `P1M` + `P1M` = `P2M`, so a phase start is one addition to
 * `activeFrom`, never a chain of additions (each of which would clamp a month end again).
 * @example
 * formatDuration(sumDurations([parseDuration('P1M'), parseDuration('P14D')])); // 'P1M14D'
 */
export function sumDurations(durations: readonly Readonly<Duration>[]): Duration {
  const out = { ...ZERO };
  for (const d of durations) for (const f of DURATION_FIELDS) out[f] += d[f];
  return out;
}

/**
 * The phases of a subscription, unclipped by any end (BILLING.md SB4): phase i starts at
 * `activeFrom + (d_0 + … + d_{i−1})`, the durations summed component-wise and added to `activeFrom`
 * once (largest units first), never chained: with `a` P1M, `b` P1M from Jan 31 2024, `c` starts at
 * Jan 31 + P2M = Mar 31, not Feb 29 + P1M = Mar 29. Each ends where the next starts; the last is
 * open-ended. `startingPhase: k` drops the phases before k, and k starts at `activeFrom`.
 *
 * @throws {@link ValidationError} `unknown_phase` (path `startingPhase`), `missing_duration` or
 *   `last_phase_has_duration` (path `phases[i].duration`, as plan validation), `invalid_duration`,
 *   `invalid_interval`, `invalid_time_zone`, `out_of_range`.
 * @example
 * phaseStarts([{ key: 'trial', duration: 'P14D' }, { key: 'default' }], { activeFrom: '2024-01-01' });
 * // [{ key: 'trial', index: 0, from: Jan 1, to: Jan 15 }, { key: 'default', index: 1, from: Jan 15, to: null }]
 */
export function phaseStarts(phases: readonly PhaseShape[], options: PhaseStartsOptions): PhaseInterval[] {
  const fromMs = toEpochMs(options.activeFrom, 'activeFrom');
  const zone = options.timeZone === undefined ? 'UTC' : ensureZone(options.timeZone, 'timeZone');
  if (phases.length === 0) throw ValidationError.single('phases', 'too_small', 'A plan needs at least one phase');
  let first = 0;
  if (options.startingPhase !== undefined) {
    first = phases.findIndex((p) => p.key === options.startingPhase);
    if (first < 0) {
      throw ValidationError.single('startingPhase', 'unknown_phase', `The plan has no phase "${options.startingPhase}"`);
    }
  }
  const durations: Readonly<Duration>[] = [];
  const out: PhaseInterval[] = [];
  for (let i = first; i < phases.length; i += 1) {
    const phase = phases[i] as PhaseShape;
    const path = `phases[${i}].duration`;
    const isLast = i === phases.length - 1;
    const startMs = addDurationMs(fromMs, sumDurations(durations), 1, zone);
    if (!isValidEpochMs(startMs)) throw ValidationError.single(path, 'out_of_range', 'a phase starts outside the range of a Date');
    const previous = out[out.length - 1];
    if (previous !== undefined) previous.to = new Date(startMs);
    out.push({ key: phase.key, index: i, from: new Date(startMs), to: null });
    if (phase.duration === null || phase.duration === undefined) {
      if (!isLast) throw ValidationError.single(path, 'missing_duration', 'Only the last phase may be open-ended: give this phase a duration');
    } else {
      if (isLast) throw ValidationError.single(path, 'last_phase_has_duration', 'The last phase is open-ended: remove its duration');
      durations.push(parseIntervalCached(phase.duration, path));
    }
  }
  return out;
}

/**
 * {@link phaseStarts} clipped to `[activeFrom, activeTo)`: a phase starting at or after `activeTo` is
 * dropped, the one containing it ends there (BILLING.md SB4, SB9).
 *
 * @throws {@link ValidationError} `invalid_range` (path `activeTo`) when `activeTo` is before
 *   `activeFrom`, and the codes of {@link phaseStarts}.
 * @example
 * phaseIntervals(phases, { activeFrom: '2024-01-01', activeTo: '2024-01-10' });
 * // [{ key: 'trial', index: 0, from: Jan 1, to: Jan 10 }]
 */
export function phaseIntervals(
  phases: readonly PhaseShape[],
  options: PhaseStartsOptions & { activeTo?: Instant | null | undefined },
): PhaseInterval[] {
  const all = phaseStarts(phases, options);
  if (options.activeTo === null || options.activeTo === undefined) return all;
  const toMs = toEpochMs(options.activeTo, 'activeTo');
  if (toMs < toEpochMs(options.activeFrom, 'activeFrom')) {
    throw ValidationError.single('activeTo', 'invalid_range', '`activeTo` is before `activeFrom`');
  }
  const out: PhaseInterval[] = [];
  for (const p of all) {
    if (p.from.getTime() >= toMs) break;
    out.push({ ...p, to: p.to === null || p.to.getTime() > toMs ? new Date(toMs) : p.to });
  }
  return out;
}
