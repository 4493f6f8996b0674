import { describe, expect, it } from 'vitest';
import { validatePrice } from '../../../src/core/pricing';
import { matrixKey } from '../../../src/core/pricing/matrix-key';

describe('matrixKey', () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['values in the order of the dimensions', ['region', 'model'], { region: 'eu', model: 'large' }, '["eu","large"]'],
    ['whatever the order of the keys', ['region', 'model'], { model: 'large', region: 'eu' }, '["eu","large"]'],
    ['one dimension', ['region'], { region: 'eu' }, '["eu"]'],
    ['a missing value reads as null', ['region', 'model'], { region: 'eu' }, '["eu",null]'],
    ['keys that are not dimensions are not part of it', ['region'], { region: 'eu', model: 'large' }, '["eu"]'],
    ['values holding separators stay apart', ['a', 'b'], { a: 'x","y', b: '' }, '["x\\",\\"y",""]'],
    ['an empty value', ['a'], { a: '' }, '[""]'],
  ])('%s', (_name, dimensions, values, expected) => {
    expect(matrixKey(dimensions, values)).toBe(expected);
  });

  // The price schema reports a repeated combination (`duplicate_match`) with its own form check;
  // it must agree with the key that pricing indexes entries by.
  it.each<[Record<string, string>, Record<string, string>]>([
    [{ a: 'x', b: 'y' }, { b: 'y', a: 'x' }],
    [{ a: 'x', b: 'y' }, { a: 'y', b: 'x' }],
    [{ a: 'x,y', b: '' }, { a: 'x', b: 'y' }],
    [{ a: '', b: '' }, { a: '', b: '' }],
    [{ a: 'null', b: 'x' }, { a: 'null', b: 'x' }],
  ])('the schema calls %j and %j the same combination exactly when their keys are equal', (first, second) => {
    const dimensions = ['a', 'b'];
    const issues = validatePrice({ type: 'matrix', dimensions, entries: [{ match: first, amount: 1 }, { match: second, amount: 2 }] });
    const duplicate = issues.some((i) => i.code === 'duplicate_match');
    expect(duplicate).toBe(matrixKey(dimensions, first) === matrixKey(dimensions, second));
  });
});
