import { ValidationError } from '../../errors';
import type { ParsedBurnDownInput, ParsedReset } from './burn-down-input';
import type { ParsedGrant } from './grant';
import { countRefills, refillInstants } from './recurrence-refill';

/** The latest instant a Date holds (nothing can be stamped after it). */
const MAX_INSTANT_MS = 8.64e15;

/** The most segments one run may have before it is refused with `too_many_segments`. */
export const MAX_SEGMENTS = 100_000;

/**
 * One step of a run: the segment `[from, at)` in which usage burns the grants active at `from`,
 * then what happens at instant `at` (expiries and voids, a reset, refills, new grants). @internal
 */
export interface BurnDownStep {
  /** Segment start (epoch ms). */
  readonly from: number;
  /** Segment end and the instant whose events follow (epoch ms). */
  readonly at: number;
  /** Start of the usage period in effect during the segment. */
  readonly periodStart: number;
  /** The reset at `at`, if any. */
  readonly reset: ParsedReset | null;
  /** The grants whose recurrence refills them at `at`. */
  readonly refills: readonly ParsedGrant[];
  /** The usage stamped at the run's end itself (`includeTo`): `[to, to + 1ms)`, after which nothing happens. */
  readonly usageOnly?: boolean;
}

/** A span the engine reads the meter for, epoch ms, half-open. @internal */
export interface UsageWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * Splits `(from, to]` into steps at every instant where something happens: a grant becomes
 * effective, expires or is voided, a recurring grant is refilled, a reset. The last step ends at
 * `to`. `[]` when `from == to`. With `includeTo`, one more step `[to, to + 1ms)` reads the usage
 * stamped at `to` and applies nothing at its end.
 * @throws ValidationError `too_many_segments` (path `to`) beyond {@link MAX_SEGMENTS}.
 * @internal
 * @example
 * planSegments(parseBurnDownInput(input)).map((s) => [s.from, s.at]);
 */
export function planSegments(input: ParsedBurnDownInput): BurnDownStep[] {
  const steps = planChanges(input);
  if (!input.includeTo || input.to >= MAX_INSTANT_MS) return steps;
  const last = steps[steps.length - 1];
  const periodStart = last === undefined ? input.periodStart : last.reset !== null ? last.at : last.periodStart;
  steps.push({ from: input.to, at: input.to + 1, periodStart, reset: null, refills: [], usageOnly: true });
  return steps;
}

/** The steps of `(from, to]`, up to and including what happens at `to`. */
function planChanges(input: ParsedBurnDownInput): BurnDownStep[] {
  const { from, to } = input;
  if (from === to) return [];
  assertFewEnough(input);
  const instants = new Set<number>([to]);
  const refills = new Map<number, ParsedGrant[]>();
  const inRun = (ms: number): boolean => ms > from && ms <= to;
  for (const grant of input.grants) {
    if (grant.effectiveAt >= grant.activeUntil) continue;
    if (inRun(grant.effectiveAt)) instants.add(grant.effectiveAt);
    if (inRun(grant.activeUntil)) instants.add(grant.activeUntil);
    for (const at of refillInstants(grant, from, to)) {
      instants.add(at);
      const list = refills.get(at);
      if (list === undefined) refills.set(at, [grant]);
      else list.push(grant);
    }
  }
  const resets = new Map<number, ParsedReset>();
  for (const reset of input.resets) {
    instants.add(reset.at);
    resets.set(reset.at, reset);
  }
  return buildSteps([...instants].sort((a, b) => a - b), input, resets, refills);
}

function buildSteps(
  sorted: readonly number[],
  input: ParsedBurnDownInput,
  resets: ReadonlyMap<number, ParsedReset>,
  refills: ReadonlyMap<number, ParsedGrant[]>,
): BurnDownStep[] {
  const steps: BurnDownStep[] = [];
  let start = input.from;
  let periodStart = input.periodStart;
  for (const at of sorted) {
    const reset = resets.get(at) ?? null;
    steps.push({ from: start, at, periodStart, reset, refills: refills.get(at) ?? [] });
    if (reset !== null) periodStart = at;
    start = at;
  }
  return steps;
}

function assertFewEnough(input: ParsedBurnDownInput): void {
  let count = input.resets.length + 2 * input.grants.length + 1;
  for (const grant of input.grants) count += countRefills(grant, input.from, input.to);
  if (count > MAX_SEGMENTS) {
    throw ValidationError.single(
      'to',
      'too_many_segments',
      `the run [from, to] would split into about ${count} segments, more than the limit of ${MAX_SEGMENTS}; start from a later snapshot`,
    );
  }
}

/**
 * The span whose usage the segment of `step` burns: for an additive meter the segment itself, for
 * `LATEST` everything from the start of the usage period to the segment end; clipped to
 * `measureUsageFrom`. `null` when nothing is left to read (the usage is 0). @internal
 * @example
 * usageWindowOf(step, parsed); // { from: step.from, to: step.at }
 */
export function usageWindowOf(step: BurnDownStep, input: ParsedBurnDownInput): UsageWindow | null {
  const start = Math.max(input.latest ? step.periodStart : step.from, input.measureUsageFrom);
  return start < step.at ? { from: start, to: step.at } : null;
}
