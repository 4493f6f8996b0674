import { expect } from 'vitest';
import { ValidationError, isTollgateError } from '../../../src/errors';

/** Runs `fn`, asserts it throws a ValidationError, and returns that error for further checks. */
export function validationErrorOf(fn: () => unknown): ValidationError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ValidationError to be thrown').toBeInstanceOf(ValidationError);
  expect(isTollgateError(thrown)).toBe(true);
  return thrown as ValidationError;
}
