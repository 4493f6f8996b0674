import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../src/errors';
import { formatPath, parseInput } from '../../src/schema';

describe('formatPath', () => {
  it.each([
    [['phases', 0, 'rateCards', 2, 'price', 'tiers', 1, 'upTo'], '', 'phases[0].rateCards[2].price.tiers[1].upTo'],
    [[], 'ref', 'ref'],
    [[0, 'id'], 'events', 'events[0].id'],
    [['a'], '', 'a'],
  ])('%j under %j is %s', (path, prefix, expected) => {
    expect(formatPath(path, prefix)).toBe(expected);
  });
});

describe('parseInput', () => {
  const schema = z.strictObject({ a: z.string(), b: z.array(z.number()) });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { a: 'x', b: [1] })).toEqual({ a: 'x', b: [1] });
  });

  it('lists every problem at once, unknown fields included', () => {
    const error = (() => {
      try {
        parseInput(schema, { a: 1, b: [1, 'x'], c: true, d: 0 });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues.map((i) => [i.path, i.code])).toEqual([
      ['a', 'invalid_type'],
      ['b[1]', 'invalid_type'],
      ['c', 'unrecognized_key'],
      ['d', 'unrecognized_key'],
    ]);
  });

  it('adds the issues of extra checks even when the schema failed', () => {
    expect(() =>
      parseInput(schema, { a: 1, b: [] }, { extraChecks: () => [{ path: 'z', code: 'custom', message: 'extra' }] }),
    ).toThrow(/a: .*; z: extra/);
  });
});
