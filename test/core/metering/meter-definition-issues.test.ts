import { describe, expect, it } from 'vitest';
import { meterDefinitionIssues } from '../../../src/core/metering';

/** `path code` of each issue, in order. */
const issuesOf = (definition: unknown): string[] => meterDefinitionIssues(definition).map((i) => `${i.path} ${i.code}`);

describe('meterDefinitionIssues', () => {
  it.each<[string, unknown, string[]]>([
    ['a SUM meter with a value property', { aggregation: 'SUM', valueProperty: '$.tokens' }, []],
    ['a COUNT meter without one', { aggregation: 'COUNT' }, []],
    ['a COUNT meter with one (ignored, but it must compile)', { aggregation: 'COUNT', valueProperty: 'n' }, ['valueProperty invalid_json_path']],
    ['a SUM meter without a value property', { aggregation: 'SUM' }, ['valueProperty required']],
    ['a null value property', { aggregation: 'AVG', valueProperty: null }, ['valueProperty required']],
    ['a UNIQUE_COUNT meter without one', { aggregation: 'UNIQUE_COUNT' }, ['valueProperty required']],
    ['a LATEST meter without one', { aggregation: 'LATEST' }, ['valueProperty required']],
    ['an unknown aggregation (the schema reports it)', { aggregation: 'MEDIAN' }, []],
    ['a value property that does not compile', { aggregation: 'MAX', valueProperty: '$.a[' }, ['valueProperty invalid_json_path']],
    ['an empty value property (the schema reports it)', { aggregation: 'SUM', valueProperty: '' }, []],
    ['a value property that is not a string (the schema reports it)', { aggregation: 'SUM', valueProperty: 5 }, []],
    [
      'group-by paths, each under its name',
      { aggregation: 'COUNT', groupBy: { model: '$.model[', region: 'region', ok: "$['a b']" } },
      ['groupBy.model invalid_json_path', 'groupBy.region invalid_json_path'],
    ],
    [
      'every problem at once',
      { aggregation: 'SUM', groupBy: { model: '$.model[' } },
      ['valueProperty required', 'groupBy.model invalid_json_path'],
    ],
    ['a definition that is not an object', 'SUM', []],
    ['null', null, []],
  ])('%s', (_name, definition, expected) => {
    expect(issuesOf(definition)).toEqual(expected);
  });

  it('names the aggregation in the message of a missing value property', () => {
    expect(meterDefinitionIssues({ aggregation: 'SUM' })[0]?.message).toBe('Required for SUM meters (a JSONPath such as $.tokens)');
  });
});
