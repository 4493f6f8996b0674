import { EMPTY_GROUP_KEY, decodeGroupKey } from '../metering/group-value';

/** Tells whether the usage of one group (a stored group key) counts for a feature. */
export type GroupFilter = (groupKey: string) => boolean;

const ACCEPT_ALL: GroupFilter = () => true;

/**
 * Compiles a feature's `meterGroupByFilters` against its meter's dimensions (sorted, as in a
 * stored group key): a group counts when, for every filtered dimension, its value is the one given
 * (or one of the values listed). Answers are remembered per group key.
 * @example
 * const accepts = compileGroupFilter(['model', 'region'], { model: ['gpt-4o', 'gpt-4o-mini'] });
 * accepts('["gpt-4o","us"]');  // true
 * accepts('["llama","us"]');   // false
 */
export function compileGroupFilter(dimensions: readonly string[], filters: Readonly<Record<string, string | readonly string[]>>): GroupFilter {
  const tests: Array<[index: number, accepted: ReadonlySet<string>]> = [];
  for (const [name, value] of Object.entries(filters)) {
    const index = dimensions.indexOf(name);
    const accepted = new Set(typeof value === 'string' ? [value] : value);
    tests.push([index, accepted]);
  }
  if (tests.length === 0) return ACCEPT_ALL;
  const known = new Map<string, boolean>();
  return (groupKey) => {
    let answer = known.get(groupKey);
    if (answer === undefined) {
      const values = groupKey === EMPTY_GROUP_KEY || groupKey === '' ? [] : decodeGroupKey(groupKey);
      answer = tests.every(([index, accepted]) => {
        const v = values[index];
        return typeof v === 'string' && accepted.has(v);
      });
      if (known.size > 10_000) known.clear();
      known.set(groupKey, answer);
    }
    return answer;
  };
}
