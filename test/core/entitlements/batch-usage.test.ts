import { describe, expect, it } from 'vitest';
import { entitlementBatchUsage, fileCells, subjectSpans, type SubjectUsage } from '../../../src/core/entitlements';
import type { ExactValue, RollupCell, ValidEvent } from '../../../src/core/metering';

const T0 = Date.parse('2024-01-01T00:00:00.000Z');
const H = 3_600_000;

const event = (subject: string, timeMs: number, index = 0): ValidEvent => ({
  index,
  id: `e${index}`,
  source: 'test',
  type: 'llm.tokens',
  subject,
  timeMs,
  data: null,
  dataJson: null,
  ingestedAtMs: T0,
  seq: 0,
});

const cell = (subject: string, sum: ExactValue | null, patch: Partial<RollupCell> = {}): RollupCell => ({
  bucket: T0,
  subject,
  groupKey: '[]',
  count: 1,
  sum,
  min: null,
  max: null,
  latestTime: null,
  latestSeq: null,
  latestValue: null,
  ...patch,
});

/** A batch of one subject per entry, spanning [min, max], with these cells. */
const batchOf = (entries: Record<string, { min?: number; max?: number; cells: RollupCell[] | null }>): Map<string, SubjectUsage> =>
  new Map(Object.entries(entries).map(([subject, u]) => [subject, { min: u.min ?? T0, max: u.max ?? T0, cells: u.cells }]));

const all = (): boolean => true;

describe('subjectSpans', () => {
  it.each([
    ['no events', [], {}],
    ['one event: min = max', [event('a', T0 + 5)], { a: { min: T0 + 5, max: T0 + 5, cells: null } }],
    [
      'min and max whatever the order',
      [event('a', T0 + 3 * H, 0), event('a', T0 + H, 1), event('a', T0 + 5 * H, 2), event('a', T0 + 2 * H, 3)],
      { a: { min: T0 + H, max: T0 + 5 * H, cells: null } },
    ],
    [
      'one entry per subject',
      [event('a', T0 + 2, 0), event('b', T0 + 9, 1), event('a', T0 + 1, 2), event('b', T0 + 9, 3)],
      { a: { min: T0 + 1, max: T0 + 2, cells: null }, b: { min: T0 + 9, max: T0 + 9, cells: null } },
    ],
  ] as const)('%s', (_case, events, expected) => {
    expect(Object.fromEntries(subjectSpans(events))).toEqual(expected);
  });
});

describe('fileCells', () => {
  it('files each cell under its subject, in order, and ignores subjects not in the batch', () => {
    const batch = subjectSpans([event('a', T0), event('b', T0 + 1)]);
    const a1 = cell('a', 1);
    const a2 = cell('a', 2, { bucket: T0 + H });
    const b1 = cell('b', 3);
    const stray = cell('zzz', 4);
    fileCells(batch, [a1, stray, b1, a2]);
    expect(batch.get('a')?.cells).toEqual([a1, a2]);
    expect(batch.get('b')?.cells).toEqual([b1]);
    expect(batch.has('zzz')).toBe(false);
  });

  it('leaves cells null for a subject with no cell and appends to cells already filed', () => {
    const batch = subjectSpans([event('a', T0), event('b', T0)]);
    fileCells(batch, [cell('a', 1)]);
    fileCells(batch, [cell('a', 2)]);
    expect(batch.get('a')?.cells?.map((c) => c.sum)).toEqual([1, 2]);
    expect(batch.get('b')?.cells).toBeNull();
  });
});

describe('entitlementBatchUsage', () => {
  const MAX = Number.MAX_SAFE_INTEGER;

  it.each([
    // [case, cells of subject a, count, delta]
    ['integers add as a number', [cell('a', 1), cell('a', 2), cell('a', 39)], false, 42],
    ['no cells: 0', [], false, 0],
    ['null sums are skipped', [cell('a', null), cell('a', 5)], false, 5],
    ['exactly MAX_SAFE_INTEGER stays a number', [cell('a', MAX - 1), cell('a', 1)], false, MAX],
    ['past MAX_SAFE_INTEGER: the exact string', [cell('a', MAX), cell('a', 1)], false, '9007199254740992'],
    ['far past MAX_SAFE_INTEGER: the exact string', [cell('a', MAX), cell('a', MAX), cell('a', 3)], false, '18014398509481985'],
    ['back into the safe range after the switch: a number again', [cell('a', MAX), cell('a', 1), cell('a', -1)], false, MAX],
    ['decimals: 0.1 + 0.2 = 0.3 exactly', [cell('a', '0.1'), cell('a', '0.2')], false, '0.3'],
    ['integer then decimal then integer', [cell('a', 2), cell('a', '0.5'), cell('a', 3)], false, '5.5'],
    ['decimals summing to an integer: a number', [cell('a', '0.5'), cell('a', '0.5')], false, 1],
    ['a big string value', [cell('a', '12345678901234567890'), cell('a', 10)], false, '12345678901234567900'],
    ['COUNT uses cell.count, not sum', [cell('a', 100, { count: 3 }), cell('a', null, { count: 4 })], true, 7],
    ['zero total is kept (not negative)', [cell('a', 5), cell('a', -5)], false, 0],
    ['negative integer total: undefined', [cell('a', 5), cell('a', -6)], false, undefined],
    ['negative decimal total: undefined', [cell('a', '0.1'), cell('a', '-0.2')], false, undefined],
    ['negative total past the safe range: undefined', [cell('a', -MAX), cell('a', -2)], false, undefined],
  ] as const)('%s', (_case, cells, count, delta) => {
    const batch = batchOf({ a: { cells: [...cells] } });
    const r = entitlementBatchUsage(['a'], batch, all, count);
    expect(r.delta).toStrictEqual(delta);
  });

  it('sums only the cells the filter accepts, and asks it with each cell group key', () => {
    const asked: string[] = [];
    const accepts = (key: string): boolean => {
      asked.push(key);
      return key === '["eu"]';
    };
    const batch = batchOf({ a: { cells: [cell('a', 10, { groupKey: '["eu"]' }), cell('a', 20, { groupKey: '["us"]' }), cell('a', 5, { groupKey: '["eu"]' })] } });
    expect(entitlementBatchUsage(['a'], batch, accepts, false)).toEqual({ min: T0, max: T0, delta: 15 });
    expect(asked).toEqual(['["eu"]', '["us"]', '["eu"]']);
  });

  it('spans the min and max of the entitlement subjects only, and adds their cells', () => {
    const batch = batchOf({
      a: { min: T0 + 5 * H, max: T0 + 6 * H, cells: [cell('a', 1)] },
      b: { min: T0 + 2 * H, max: T0 + 3 * H, cells: [cell('b', 10)] },
      other: { min: T0, max: T0 + 99 * H, cells: [cell('other', 1000)] },
    });
    expect(entitlementBatchUsage(['a', 'b', 'not-in-batch'], batch, all, false)).toEqual({ min: T0 + 2 * H, max: T0 + 6 * H, delta: 11 });
  });

  it('counts the span of a subject whose cells were never filed (delta 0)', () => {
    const batch = batchOf({ a: { min: T0 + 1, max: T0 + 2, cells: null } });
    expect(entitlementBatchUsage(['a'], batch, all, false)).toEqual({ min: T0 + 1, max: T0 + 2, delta: 0 });
  });

  it('with no subject in the batch: an empty span (Infinity, -Infinity) and delta 0', () => {
    const batch = batchOf({ other: { cells: [cell('other', 7)] } });
    expect(entitlementBatchUsage(['a'], batch, all, false)).toEqual({ min: Infinity, max: -Infinity, delta: 0 });
    expect(entitlementBatchUsage([], batch, all, false)).toEqual({ min: Infinity, max: -Infinity, delta: 0 });
  });

  it('sums across subjects through the exact switch', () => {
    const batch = batchOf({ a: { cells: [cell('a', Number.MAX_SAFE_INTEGER)] }, b: { cells: [cell('b', '0.5')] } });
    expect(entitlementBatchUsage(['a', 'b'], batch, all, false).delta).toBe('9007199254740991.5');
  });
});
