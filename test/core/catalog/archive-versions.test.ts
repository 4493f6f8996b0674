import { describe, expect, it } from 'vitest';
import { type PlanVersionDates, archiveVersions } from '../../../src/core/catalog';
import { StateError } from '../../../src/errors';

const D = (iso: string): Date => new Date(iso);
const v = (version: number, from: string | null, to: string | null = null): PlanVersionDates => ({
  version,
  effectiveFrom: from === null ? null : D(from),
  effectiveTo: to === null ? null : D(to),
});
const AT = '2025-06-01T00:00:00.000Z';
const show = (vs: readonly PlanVersionDates[]): Array<[number, string | null]> => vs.map((x) => [x.version, x.effectiveTo?.toISOString() ?? null]);

const stateErrorOf = (fn: () => unknown): StateError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StateError);
    return error as StateError;
  }
  throw new Error('expected a StateError');
};

describe('archiveVersions', () => {
  it.each([
    // [case, versions, [version, new effectiveTo] returned]
    ['an open-ended version ends at the archive instant', [v(1, '2025-01-01T00:00:00Z')], [[1, AT]]],
    ['a version with a later end ends earlier, at the archive instant', [v(1, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')], [[1, AT]]],
    ['a version ending 1 ms after the archive instant', [v(1, '2025-01-01T00:00:00Z', '2025-06-01T00:00:00.001Z')], [[1, AT]]],
    ['a version starting exactly at the archive instant ends there', [v(1, AT)], [[1, AT]]],
    ['a scheduled version archived before it starts ends at its start', [v(2, '2025-09-01T00:00:00Z')], [[2, '2025-09-01T00:00:00.000Z']]],
    [
      'current and scheduled, drafts and ended versions dropped, order kept',
      [v(3, '2025-09-01T00:00:00Z'), v(4, null), v(1, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), v(2, '2025-01-01T00:00:00Z', '2025-09-01T00:00:00Z')],
      [
        [3, '2025-09-01T00:00:00.000Z'],
        [2, AT],
      ],
    ],
  ] as const)('%s', (_case, versions, expected) => {
    expect(show(archiveVersions('legacy', versions, Date.parse(AT)))).toEqual(expected);
  });

  it('returns copies with the new end and leaves the input as it was', () => {
    const v1 = { ...v(1, '2025-01-01T00:00:00Z'), key: 'legacy', extra: 42 };
    const [archived] = archiveVersions('legacy', [v1], Date.parse(AT));
    expect(archived).toEqual({ version: 1, effectiveFrom: D('2025-01-01T00:00:00Z'), effectiveTo: D(AT), key: 'legacy', extra: 42 });
    expect(archived).not.toBe(v1);
    expect(v1.effectiveTo).toBeNull();
  });

  it.each([
    ['no versions', []],
    ['only a draft', [v(1, null)]],
    ['a version that ended exactly at the archive instant', [v(1, '2025-01-01T00:00:00Z', AT)]],
    ['versions that ended before', [v(1, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), v(2, '2025-01-01T00:00:00Z', '2025-05-01T00:00:00Z'), v(3, null)]],
  ] as const)('refuses with StateError not_published: %s', (_case, versions) => {
    const error = stateErrorOf(() => archiveVersions('legacy', versions, Date.parse(AT)));
    expect(error.reason).toBe('not_published');
    expect(error.code).toBe('state_error');
    expect(error.message).toBe(`Plan legacy has no published version in effect at ${AT}`);
  });

  it('refuses a second archive of a version already archived before it started', () => {
    const error = stateErrorOf(() => archiveVersions('legacy', [v(2, '2025-09-01T00:00:00Z', '2025-09-01T00:00:00Z')], Date.parse(AT)));
    expect(error.reason).toBe('not_published');
  });
});
