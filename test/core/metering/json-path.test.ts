import { describe, expect, it } from 'vitest';
import { compileJsonPath } from '../../../src/core/metering';
import { ValidationError } from '../../../src/errors';

const data = {
  tokens: 12,
  usage: { 'input-tokens': 5, 'a b': 'space', "it's": 1, 'say "hi"': 2, nested: { deep: [10, { x: 'y' }] } },
  items: [{ id: 'first' }, { id: 'second' }],
  nil: null,
  zero: 0,
  'é': 'unicode',
};

describe('compileJsonPath', () => {
  it.each([
    ['$.tokens', 12],
    ['$.usage.nested.deep[0]', 10],
    ['$.usage.nested.deep[1].x', 'y'],
    ["$.usage['input-tokens']", 5],
    ['$.usage["input-tokens"]', 5],
    ["$['usage']['a b']", 'space'],
    ["$.usage['it\\'s']", 1],
    ['$.usage["say \\"hi\\""]', 2],
    ["$['tokens']", 12],
    ['$.items[0].id', 'first'],
    ['$.items[-1].id', 'second'],
    ["$.items[1]['id']", 'second'],
    ['$.nil', null],
    ['$.zero', 0],
    ['$.é', 'unicode'],
    ["$['\\u00e9']", 'unicode'],
    ['$.missing', undefined],
    ['$.tokens.deeper', undefined],
    ['$.items[5].id', undefined],
    ['$.items.id', undefined],
    ['$.usage[0]', undefined],
    ['$.nil.x', undefined],
  ])('%s reads %j', (path, expected) => {
    expect(compileJsonPath(path).read(data)).toEqual(expected);
  });

  it('reads nothing from missing data and never reads inherited members', () => {
    expect(compileJsonPath('$.a').read(null)).toBeUndefined();
    expect(compileJsonPath('$.a').read(undefined)).toBeUndefined();
    expect(compileJsonPath('$.constructor').read({})).toBeUndefined();
    expect(compileJsonPath('$.toString').read({ a: 1 })).toBeUndefined();
    expect(compileJsonPath('$.__proto__').read({})).toBeUndefined();
    expect(compileJsonPath('$.constructor').read({ constructor: 5 })).toBe(5);
    expect(compileJsonPath('$.length').read({ list: [] })).toBeUndefined();
    expect(compileJsonPath('$.list.length').read({ list: [1, 2] })).toBeUndefined();
  });

  it('keeps the source and the segments', () => {
    const p = compileJsonPath("$.a['b-c'][2]");
    expect(p.source).toBe("$.a['b-c'][2]");
    expect(p.segments).toEqual(['a', 'b-c', 2]);
  });

  it.each([
    ['tokens', "must start with '$'"],
    ['$', 'at least one member'],
    ['$.', 'member name'],
    ['$..tokens', 'recursive descent'],
    ['$.*', 'wildcards'],
    ['$[*]', 'wildcards'],
    ['$[?(@.a)]', 'filter'],
    ['$.a[', 'quoted name or an integer index'],
    ["$['a'", "expected ']'"],
    ["$['a", 'unterminated'],
    ['$.a[01]', 'quoted name or an integer index'],
    ['$.a[1.5]', 'quoted name or an integer index'],
    ['$.a b', "unexpected ' '"],
    ['$.1a', 'member name'],
    ['$.a-b', "unexpected '-'"],
    ["$['\\x']", 'invalid escape'],
    [' $.a', "must start with '$'"],
  ])('refuses %j naming the field (%s)', (path, reason) => {
    let error: unknown;
    try {
      compileJsonPath(path, 'groupBy.model');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0]!;
    expect(issue).toMatchObject({ path: 'groupBy.model', code: 'invalid_json_path' });
    expect(issue.message).toContain(reason);
  });

  it('refuses non-strings and paths longer than 512 characters', () => {
    expect(() => compileJsonPath(5, 'valueProperty')).toThrow(ValidationError);
    expect(() => compileJsonPath(`$.${'a'.repeat(511)}`, 'valueProperty')).toThrow(/at most 512/);
  });
});
