import { describe, expect, it } from 'vitest';
import { queryDimensionIssues, queryRange, querySubjects } from '../../../src/core/metering';

describe('queryDimensionIssues', () => {
  it.each([
    ['known dimension and reserved names', { groupBy: ['model', 'subject', 'customer'] }, []],
    [
      'an unknown group-by, by its index',
      { groupBy: ['model', 'region'] },
      [{ path: 'groupBy[1]', code: 'unknown_group_by', message: 'Meter tokens has no dimension region (it has: model; or subject, customer)' }],
    ],
    ['an unknown filter', { filterGroupBy: { region: 'eu' } }, [{ path: 'filterGroupBy.region', code: 'unknown_group_by', message: 'Meter tokens has no dimension region (it has: model)' }]],
    ['a reserved name is not a filter', { filterGroupBy: { subject: 's' } }, [{ path: 'filterGroupBy.subject', code: 'unknown_group_by', message: 'Meter tokens has no dimension subject (it has: model)' }]],
  ])('%s', (_name, query, expected) => {
    expect(queryDimensionIssues('tokens', ['model'], query)).toEqual(expected);
  });

  it('names "none" for a meter without dimensions', () => {
    expect(queryDimensionIssues('calls', [], { groupBy: ['x'] })[0]!.message).toBe('Meter calls has no dimension x (it has: none; or subject, customer)');
  });
});

describe('querySubjects', () => {
  it.each([
    ['no filter: every subject', undefined, null, null],
    ['an empty subject filter is no filter', [], null, null],
    ['subjects only', ['a', 'b'], null, ['a', 'b']],
    ['customers only: their subjects', undefined, [{ subjectKeys: ['a'] }, { subjectKeys: ['b', 'c'] }], ['a', 'b', 'c']],
    ['both: the subjects of those customers', ['a', 'x'], [{ subjectKeys: ['a', 'b'] }], ['a']],
    ['customers without subjects: none', undefined, [{ subjectKeys: [] }], []],
  ] as const)('%s', (_name, subjects, customers, expected) => {
    expect(querySubjects(subjects, customers)).toEqual(expected);
  });
});

describe('queryRange', () => {
  const now = Date.parse('2024-03-01T00:00:00Z');
  const first = Date.parse('2024-01-05T10:00:00Z');
  it.each([
    ['defaults: first bucket to now', undefined, undefined, first, { fromMs: first, toMs: now }],
    ['no rollups yet: empty at now', undefined, undefined, undefined, { fromMs: now, toMs: now }],
    ['given from and to', new Date('2024-02-01T00:00:00Z'), new Date('2024-02-02T00:00:00Z'), first, { fromMs: Date.parse('2024-02-01T00:00:00Z'), toMs: Date.parse('2024-02-02T00:00:00Z') }],
    ['a `to` before the first bucket: empty at `to`', undefined, new Date('2024-01-01T00:00:00Z'), first, { fromMs: Date.parse('2024-01-01T00:00:00Z'), toMs: Date.parse('2024-01-01T00:00:00Z') }],
  ])('%s', (_name, from, to, firstBucket, expected) => {
    expect(queryRange(from, to, now, firstBucket)).toEqual(expected);
  });
});
