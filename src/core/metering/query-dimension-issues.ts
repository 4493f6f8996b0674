import type { ValidationIssue } from '../../errors';

/** The group-by names every meter query accepts besides the meter's own dimensions. */
const RESERVED = ['subject', 'customer'];

/**
 * The unknown dimensions of a meter query (code `unknown_group_by`): each `groupBy[i]` that is
 * neither a dimension of the meter nor `subject`/`customer`, and each `filterGroupBy.<name>` that
 * is not a dimension. None for a good query.
 * @example
 * queryDimensionIssues('tokens', ['model'], { groupBy: ['region'] });
 * // [{ path: 'groupBy[0]', code: 'unknown_group_by', message: 'Meter tokens has no dimension region (it has: model; or subject, customer)' }]
 */
export function queryDimensionIssues(
  meterKey: string,
  dimensions: readonly string[],
  query: { readonly groupBy?: readonly string[] | undefined; readonly filterGroupBy?: Readonly<Record<string, unknown>> | undefined },
): ValidationIssue[] {
  const known = new Set(dimensions);
  const listed = dimensions.join(', ') || 'none';
  const issues: ValidationIssue[] = [];
  (query.groupBy ?? []).forEach((name, i) => {
    if (!known.has(name) && !RESERVED.includes(name)) {
      issues.push({ path: `groupBy[${i}]`, code: 'unknown_group_by', message: `Meter ${meterKey} has no dimension ${name} (it has: ${listed}; or subject, customer)` });
    }
  });
  for (const name of Object.keys(query.filterGroupBy ?? {})) {
    if (!known.has(name)) issues.push({ path: `filterGroupBy.${name}`, code: 'unknown_group_by', message: `Meter ${meterKey} has no dimension ${name} (it has: ${listed})` });
  }
  return issues;
}
