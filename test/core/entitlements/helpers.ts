import { expect } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { Dec, formatDecimal } from '../../../src/core/money';
import type { BurnDownAggregation, UsageReader } from '../../../src/core/entitlements';

/** One metered event: an instant and a value (COUNT ignores the value). */
export interface UsageEvent {
  at: string;
  value?: string | number;
}

/**
 * A meter over `events`, as the engine reads it: SUM = Σ values in [from, to); COUNT = number of
 * events in [from, to); LATEST = the value with the latest time in [from, to) (a tie goes to the
 * event listed last), "0" when there is none.
 */
export function meter(events: readonly UsageEvent[], aggregation: BurnDownAggregation = 'SUM'): UsageReader {
  const rows = events.map((e, index) => ({ ms: Date.parse(e.at), value: new Dec(String(e.value ?? 0)), index }));
  return (from, to) => {
    const inside = rows.filter((r) => r.ms >= from.getTime() && r.ms < to.getTime());
    if (aggregation === 'COUNT') return String(inside.length);
    if (aggregation === 'LATEST') {
      let best: (typeof rows)[number] | undefined;
      for (const r of inside) if (best === undefined || r.ms >= best.ms) best = r;
      return best === undefined ? '0' : formatDecimal(best.value);
    }
    return formatDecimal(inside.reduce((sum, r) => sum.plus(r.value), new Dec(0)));
  };
}

/** A reader that records the windows it is asked for. */
export function recordingMeter(inner: UsageReader): { reader: UsageReader; calls: Array<[string, string]> } {
  const calls: Array<[string, string]> = [];
  return {
    calls,
    reader: (from, to) => {
      calls.push([from.toISOString(), to.toISOString()]);
      return inner(from, to);
    },
  };
}

/** Runs `fn` and returns the ValidationError it throws (fails otherwise). */
export function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

/** The `path code` pairs of the issues `fn` throws, in order. */
export function issuesOf(fn: () => unknown): string[] {
  return validationErrorOf(fn).issues.map((i) => `${i.path} ${i.code}`);
}

/** ISO text of a Date. */
export const iso = (d: Date): string => d.toISOString();

/** Shorthand: an instant in January–December 2024, `d(1, 15)` = 2024-01-15T00:00:00Z. */
export const d = (month: number, day: number, hour = 0): string =>
  new Date(Date.UTC(2024, month - 1, day, hour)).toISOString();
