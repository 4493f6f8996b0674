import { TollgateError } from './tollgate-error';

/** One problem found in an input: where it is, a stable code, and a human message. */
export interface ValidationIssue {
  /** Path to the bad field, e.g. `phases[0].rateCards[2].price.tiers[1].upTo`; `''` for the input itself. */
  path: string;
  /** A stable code, e.g. `invalid_decimal`, `required`, `too_small`, `invalid_type`. */
  code: string;
  /** What is wrong, for a person. */
  message: string;
}

/** Input was rejected. `issues` lists every problem found, not only the first. Nothing was written. */
export class ValidationError extends TollgateError {
  readonly code = 'validation_error' as const;
  readonly issues: readonly ValidationIssue[];

  constructor(issues: ValidationIssue[], options?: { cause?: unknown }) {
    super(formatIssues(issues), options);
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue })));
  }

  /** Shorthand for an error with a single issue. */
  static single(path: string, code: string, message: string): ValidationError {
    return new ValidationError([{ path, code, message }]);
  }
}

function formatIssues(issues: ValidationIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  const parts = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return `Invalid input: ${parts.join('; ')}`;
}
