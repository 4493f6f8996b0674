import { expect } from 'vitest';
import { StateError, ValidationError } from '../../../src/errors';

/** Runs `fn`, asserts it throws a ValidationError, and returns its issues as `path code` strings. */
export function issuesOf(fn: () => unknown): string[] {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ValidationError').toBeInstanceOf(ValidationError);
  return (thrown as ValidationError).issues.map((i) => `${i.path} ${i.code}`);
}

/** Runs `fn` and asserts it throws a StateError with `reason`. */
export function expectStateError(fn: () => unknown, reason: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a StateError').toBeInstanceOf(StateError);
  expect((thrown as StateError).reason).toBe(reason);
}

/** The amounts of a result's lines, in order. */
export function amounts(result: { lines: ReadonlyArray<{ amount: string }> }): string[] {
  return result.lines.map((l) => l.amount);
}
