import { ValidationError, type ValidationIssue } from '../../errors';
import { priceSchema } from '../../schema/price';
import { toValidationIssues } from '../../schema/validate';
import type { Price } from './price';

/**
 * Checks a price (any model) and returns every problem found, each with its path under `path`:
 * an unknown model, a missing or malformed amount, a negative amount, `upTo`, multiplier or spend
 * limit, a package size ≤ 0, an empty tier list, no open-ended tier or more than one, tiers
 * unsorted or with a duplicate `upTo`, `minimumAmount` > `maximumAmount`, matrix entries whose
 * `match` does not name exactly the dimensions or repeats a combination, unknown fields.
 * Returns `[]` for a valid price.
 *
 * @param price - the price to check (untrusted input).
 * @param path - where the price sits in the caller's input, e.g. `phases[0].rateCards[2].price`.
 * @example
 * validatePrice({ type: 'tiered', mode: 'graduated', tiers: [{ upTo: 10 }, { upTo: 5 }, {}] }, 'price');
 * // [{ path: 'price.tiers[1].upTo', code: 'tiers_unsorted', message: '...' }]
 */
export function validatePrice(price: unknown, path = ''): ValidationIssue[] {
  const result = priceSchema.safeParse(price);
  return result.success ? [] : toValidationIssues(result.error.issues, path);
}

/**
 * Like {@link validatePrice}, but throws one ValidationError listing every problem, and returns the
 * price (typed) when it is valid.
 * @throws ValidationError listing every problem, with paths under `path`.
 * @example
 * parsePrice({ type: 'unit', amount: '0.10' }); // { type: 'unit', amount: '0.10' }
 * parsePrice({ type: 'package', amount: 5, quantityPerPackage: 0 }, 'price');
 * // throws ValidationError: price.quantityPerPackage (not_positive)
 */
export function parsePrice(price: unknown, path = ''): Price {
  const result = priceSchema.safeParse(price);
  if (!result.success) throw new ValidationError(toValidationIssues(result.error.issues, path));
  return result.data;
}
