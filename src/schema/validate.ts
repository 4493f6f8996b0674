import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors';

/** Formats a zod path as `phases[0].rateCards[2].price`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * Converts zod's issues to Tollgate's, with paths under `prefix`. A `custom` issue raised by one
 * of Tollgate's own checks keeps the stable code it carries in `params.code` (`tiers_unsorted`,
 * `invalid_decimal`...); unknown fields become one `unrecognized_key` issue each.
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): ValidationIssue[] {
  return issues.flatMap((issue) => {
    const ownCode = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    if (typeof ownCode === 'string') return [{ path: formatPath(issue.path, prefix), code: ownCode, message: issue.message }];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key], prefix),
        code: 'unrecognized_key',
        message: `Unknown field "${key}"`,
      }));
    }
    return [{ path: formatPath(issue.path, prefix), code: issue.code, message: issue.message }];
  });
}

/**
 * Parses `input` with `schema`. On failure throws one ValidationError listing every problem,
 * together with those found by `extraChecks`: checks that depend on the client rather than the
 * input alone (an unknown currency). They get the raw input, so they run even when the schema
 * found other problems.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { prefix?: string; extraChecks?: (raw: unknown) => ValidationIssue[] } = {},
): z.output<S> {
  const result = schema.safeParse(input);
  const issues = result.success ? [] : toValidationIssues(result.error.issues, options.prefix);
  if (options.extraChecks) issues.push(...options.extraChecks(input));
  if (issues.length > 0) throw new ValidationError(issues);
  return result.data as z.output<S>;
}
