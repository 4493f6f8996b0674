import { describe, expect, it } from 'vitest';
import { type PlanVersionDates, versionsEndedByPublish } from '../../../src/core/catalog';
import { StateError } from '../../../src/errors';

const D = (iso: string): Date => new Date(iso);
const v = (version: number, from: string | null, to: string | null = null): PlanVersionDates => ({
  version,
  effectiveFrom: from === null ? null : D(from),
  effectiveTo: to === null ? null : D(to),
});
const PUBLISH = '2025-01-01T00:00:00.000Z';

const stateErrorOf = (fn: () => unknown): StateError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StateError);
    return error as StateError;
  }
  throw new Error('expected a StateError');
};

describe('versionsEndedByPublish', () => {
  it.each([
    // [case, versions, versions returned (by number)]
    ['no versions', [], []],
    ['a draft is ignored', [v(1, null)], []],
    ['an open-ended published version ends at the new start', [v(1, '2024-01-01T00:00:00Z')], [1]],
    ['a version that ends after the new start ends there', [v(1, '2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z')], [1]],
    ['a version ending 1 ms after the new start ends there', [v(1, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00.001Z')], [1]],
    ['a version ending exactly at the new start is left alone', [v(1, '2024-01-01T00:00:00Z', PUBLISH)], []],
    ['a version that ended before is left alone', [v(1, '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z')], []],
    ['a version starting 1 ms before the new start ends', [v(1, '2024-12-31T23:59:59.999Z')], [1]],
    ['an archived version that never started (from = to) at the new start is left alone', [v(1, PUBLISH, PUBLISH)], []],
    [
      'several, in the given order, drafts and ended ones skipped',
      [v(3, '2024-06-01T00:00:00Z'), v(1, '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z'), v(4, null), v(2, '2024-03-01T00:00:00Z', '2026-01-01T00:00:00Z')],
      [3, 2],
    ],
  ] as const)('%s', (_case, versions, expected) => {
    const ended = versionsEndedByPublish('pro', versions, Date.parse(PUBLISH));
    expect(ended.map((x) => x.version)).toEqual(expected);
  });

  it('returns the given objects untouched (the caller sets effectiveTo)', () => {
    const v1 = v(1, '2024-01-01T00:00:00Z');
    const ended = versionsEndedByPublish('pro', [v1], Date.parse(PUBLISH));
    expect(ended[0]).toBe(v1);
    expect(v1.effectiveTo).toBeNull();
  });

  it.each([
    ['starts exactly at the new start', [v(1, '2024-01-01T00:00:00Z'), v(2, PUBLISH)], 2],
    ['starts after the new start', [v(5, '2025-03-01T00:00:00Z')], 5],
    ['scheduled with an end, starting after', [v(7, '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z')], 7],
  ] as const)('refuses a published version that %s: StateError overlapping_version', (_case, versions, version) => {
    const error = stateErrorOf(() => versionsEndedByPublish('pro', versions, Date.parse(PUBLISH)));
    expect(error.reason).toBe('overlapping_version');
    expect(error.code).toBe('state_error');
    expect(error.message).toBe(`Version ${version} of plan pro starts at or after ${PUBLISH}: archive it first`);
  });

  it('does not refuse a version archived before it started (from = to after the new start)', () => {
    expect(versionsEndedByPublish('pro', [v(2, '2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z')], Date.parse(PUBLISH))).toEqual([]);
  });
});
