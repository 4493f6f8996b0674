import { describe, expect, it } from 'vitest';
import { parsePrice, validatePrice } from '../../../src/core/pricing';
import { decimalInput, nonNegativeDecimalInput, positiveDecimalInput } from '../../../src/schema/price';
import { toValidationIssues } from '../../../src/schema/validate';
import { ValidationError } from '../../../src/errors';

const codes = (price: unknown, path = 'price') => validatePrice(price, path).map((i) => `${i.path} ${i.code}`);

describe('decimalInput', () => {
  it.each([['12.50'], [12.5], ['-3'], ['0'], [0], [1e21], ['123456789012345678901234567890.123456789']])('accepts %j', (value) => {
    expect(decimalInput.safeParse(value).success).toBe(true);
  });

  it.each([['1e5'], ['.5'], ['5.'], ['+1'], [' 1'], ['1,5'], [''], ['NaN'], [Number.NaN], [Infinity], [null], [true], [[1]], [{}]])(
    'rejects %j as invalid_decimal',
    (value) => {
      const result = decimalInput.safeParse(value);
      expect(result.success).toBe(false);
      expect(toValidationIssues(result.error!.issues).map((i) => i.code)).toEqual(['invalid_decimal']);
    },
  );

  it('rejects a bigint (not a JSON value)', () => {
    expect(decimalInput.safeParse(BigInt(10)).success).toBe(false);
  });

  it('reports a missing value as required', () => {
    const result = decimalInput.safeParse(undefined);
    expect(toValidationIssues(result.error!.issues).map((i) => i.code)).toEqual(['required']);
  });

  it('checks the sign without reading through a float', () => {
    expect(nonNegativeDecimalInput.safeParse('-0.000001').success).toBe(false);
    expect(nonNegativeDecimalInput.safeParse('-0').success).toBe(true);
    expect(nonNegativeDecimalInput.safeParse(-0).success).toBe(true);
    expect(positiveDecimalInput.safeParse('0.000').success).toBe(false);
    expect(positiveDecimalInput.safeParse('0.001').success).toBe(true);
    expect(positiveDecimalInput.safeParse(1e-7).success).toBe(true);
    expect(toValidationIssues(positiveDecimalInput.safeParse(-2).error!.issues)[0]?.code).toBe('not_positive');
  });
});

describe('validatePrice', () => {
  it('returns [] for a valid price of every model', () => {
    expect(validatePrice({ type: 'unit', amount: '0.1', minimumAmount: 5, maximumAmount: 5 })).toEqual([]);
    expect(validatePrice({ type: 'package', amount: 5, quantityPerPackage: '0.5' })).toEqual([]);
    expect(validatePrice({ type: 'tiered', mode: 'volume', tiers: [{ upTo: 0 }, { upTo: 10, flatAmount: 1 }, { unitAmount: 1 }] })).toEqual([]);
    expect(validatePrice({ type: 'dynamic' })).toEqual([]);
    expect(validatePrice({ type: 'matrix', dimensions: ['a'], entries: [{ match: { a: 'x' }, amount: 1 }] })).toEqual([]);
    expect(validatePrice({ type: 'flat', amount: 0, paymentTerm: 'in_arrears' })).toEqual([]);
  });

  it('reports an unknown model at type', () => {
    expect(codes({ type: 'stairstep', amount: 1 })).toEqual(['price.type invalid_union']);
    expect(codes('unit')).toEqual(['price invalid_type']);
  });

  it('reports a missing amount as required and unknown fields', () => {
    expect(codes({ type: 'unit', amout: 1 })).toEqual(['price.amount required', 'price.amout unrecognized_key']);
  });

  it('reports negative amounts everywhere', () => {
    expect(codes({ type: 'unit', amount: -1 })).toEqual(['price.amount negative']);
    expect(codes({ type: 'package', amount: '-5', quantityPerPackage: 10 })).toEqual(['price.amount negative']);
    expect(codes({ type: 'tiered', mode: 'graduated', tiers: [{ upTo: 5, unitAmount: -1, flatAmount: '-2' }, { unitAmount: 1 }] })).toEqual([
      'price.tiers[0].unitAmount negative',
      'price.tiers[0].flatAmount negative',
    ]);
    expect(codes({ type: 'matrix', dimensions: ['a'], entries: [{ match: { a: 'x' }, amount: -1 }] })).toEqual(['price.entries[0].amount negative']);
    expect(codes({ type: 'flat', amount: '-49' })).toEqual(['price.amount negative']);
  });

  it('reports negative spend limits and minimum above maximum', () => {
    expect(codes({ type: 'unit', amount: 1, minimumAmount: -1, maximumAmount: -2 })).toEqual([
      'price.minimumAmount negative',
      'price.maximumAmount negative',
      'price.minimumAmount minimum_above_maximum',
    ]);
    expect(codes({ type: 'dynamic', minimumAmount: '10.01', maximumAmount: '10' })).toEqual(['price.minimumAmount minimum_above_maximum']);
    expect(codes({ type: 'dynamic', minimumAmount: '10', maximumAmount: '10.00' })).toEqual([]);
  });

  it('reports a package size of zero or less and a negative multiplier', () => {
    expect(codes({ type: 'package', amount: 1, quantityPerPackage: 0 })).toEqual(['price.quantityPerPackage not_positive']);
    expect(codes({ type: 'package', amount: 1, quantityPerPackage: '-10' })).toEqual(['price.quantityPerPackage not_positive']);
    expect(codes({ type: 'package', amount: 1 })).toEqual(['price.quantityPerPackage required']);
    expect(codes({ type: 'dynamic', multiplier: '-0.5' })).toEqual(['price.multiplier negative']);
  });

  describe('tiers', () => {
    const tiered = (tiers: unknown) => codes({ type: 'tiered', mode: 'graduated', tiers });

    it('an empty list', () => expect(tiered([])).toEqual(['price.tiers empty_tiers']));
    it('no open-ended tier', () => expect(tiered([{ upTo: 1 }, { upTo: 2 }])).toEqual(['price.tiers no_open_tier']));
    it('more than one open-ended tier', () =>
      expect(tiered([{}, { upTo: 5 }, {}, {}])).toEqual(['price.tiers[0].upTo multiple_open_tiers', 'price.tiers[2].upTo multiple_open_tiers']));
    it('an open-ended tier that is not last', () => expect(tiered([{}, { upTo: 5 }])).toEqual(['price.tiers[0].upTo open_tier_not_last']));
    it('unsorted bounds', () => expect(tiered([{ upTo: 10 }, { upTo: 5 }, {}])).toEqual(['price.tiers[1].upTo tiers_unsorted']));
    it('duplicate bounds, however written', () =>
      expect(tiered([{ upTo: 10 }, { upTo: '10.00' }, {}])).toEqual(['price.tiers[1].upTo duplicate_up_to']));
    it('a negative bound', () => expect(tiered([{ upTo: -1 }, {}])).toEqual(['price.tiers[0].upTo negative']));
    it('a bound that is not a decimal', () => expect(tiered([{ upTo: '1e3' }, {}])).toEqual(['price.tiers[0].upTo invalid_decimal']));
    it('an unknown mode and a tier that is not an object', () =>
      expect(codes({ type: 'tiered', mode: 'stairs', tiers: [5, {}] })).toEqual(['price.mode invalid_value', 'price.tiers[0] invalid_type']));
  });

  describe('matrix', () => {
    const matrix = (dimensions: unknown, entries: unknown) => codes({ type: 'matrix', dimensions, entries });

    it('no dimension, no entry', () => expect(matrix([], [])).toEqual(['price.dimensions empty_dimensions', 'price.entries empty_entries']));
    it('a dimension listed twice', () =>
      expect(matrix(['a', 'a'], [{ match: { a: 'x' }, amount: 1 }])).toEqual(['price.dimensions[1] duplicate_dimension']));
    it('a match missing a dimension or naming an unknown one', () =>
      expect(matrix(['a', 'b'], [{ match: { a: 'x', c: 'y' }, amount: 1 }])).toEqual([
        'price.entries[0].match missing_dimension',
        'price.entries[0].match.c unknown_dimension',
      ]));
    it('a combination listed twice', () =>
      expect(matrix(['a', 'b'], [{ match: { a: 'x', b: 'y' }, amount: 1 }, { match: { b: 'y', a: 'x' }, amount: 2 }])).toEqual([
        'price.entries[1].match duplicate_match',
      ]));
    it('a value that is not a string', () =>
      expect(matrix(['a'], [{ match: { a: 1 }, amount: 1 }])).toEqual(['price.entries[0].match.a invalid_type']));
  });

  it('lists every problem of a price at once, under the given path', () => {
    const issues = validatePrice(
      {
        type: 'tiered',
        mode: 'graduated',
        tiers: [{ upTo: 100, unitAmount: 'abc' }, { upTo: 50, flatAmount: -1 }, { upTo: 50 }],
        minimumAmount: 10,
        maximumAmount: 1,
      },
      'phases[0].rateCards[2].price',
    ).map((i) => `${i.path} ${i.code}`);
    expect(issues.sort()).toEqual(
      [
        'phases[0].rateCards[2].price.tiers[0].unitAmount invalid_decimal',
        'phases[0].rateCards[2].price.tiers[1].flatAmount negative',
        'phases[0].rateCards[2].price.tiers no_open_tier',
        'phases[0].rateCards[2].price.tiers[1].upTo tiers_unsorted',
        'phases[0].rateCards[2].price.tiers[2].upTo tiers_unsorted',
        'phases[0].rateCards[2].price.minimumAmount minimum_above_maximum',
      ].sort(),
    );
  });

  it('messages say what is wrong', () => {
    const [issue] = validatePrice({ type: 'unit', amount: '1e5' });
    expect(issue?.path).toBe('amount');
    expect(issue?.message).toMatch(/exponent/);
  });
});

describe('parsePrice', () => {
  it('returns the valid price', () => {
    expect(parsePrice({ type: 'unit', amount: '0.10' })).toEqual({ type: 'unit', amount: '0.10' });
  });

  it('throws one ValidationError with every issue', () => {
    let error: unknown;
    try {
      parsePrice({ type: 'package', amount: -1, quantityPerPackage: 0 }, 'price');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['price.amount', 'price.quantityPerPackage']);
  });
});
