import { ValidationError, type ValidationIssue } from '../../errors';

/**
 * Runs `read` and returns its value; a {@link ValidationError} it throws is not rethrown but its
 * issues are appended to `issues` (and `undefined` is returned). Lets a validator read every field
 * with the shared parsers and still report every problem at once, instead of the first one.
 * @internal
 * @example
 * const issues: ValidationIssue[] = [];
 * const amount = collectIssues(issues, () => parseDecimal(input.amount, 'grants[0].amount'));
 */
export function collectIssues<T>(issues: ValidationIssue[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof ValidationError) {
      issues.push(...error.issues.map((issue) => ({ ...issue })));
      return undefined;
    }
    throw error;
  }
}

/**
 * Throws one {@link ValidationError} listing `issues` when there is any. @internal
 * @example
 * throwIfAny([]); // returns
 * throwIfAny([{ path: 'to', code: 'invalid_range', message: '...' }]); // throws
 */
export function throwIfAny(issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError([...issues]);
}

/**
 * Appends one issue. @internal
 * @example
 * addIssue(issues, 'grants[2].priority', 'out_of_range', 'must be an integer from 1 to 255');
 */
export function addIssue(issues: ValidationIssue[], path: string, code: string, message: string): void {
  issues.push({ path, code, message });
}
