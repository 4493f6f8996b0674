import { ValidationError, type ValidationIssue } from '../../errors';
import { AGGREGATIONS, requiresValueProperty, type Aggregation } from './aggregation';
import { compileJsonPath } from './json-path';

/**
 * The checks of a meter definition that need the JSONPath parser or more than one field: a value
 * property is required for every aggregation but COUNT (code `required` at `valueProperty`), and
 * the value property and every group-by path must compile (code `invalid_json_path` at
 * `valueProperty` or `groupBy.<name>`). The schema checks the form of each field; this checks what
 * the metering core will do with them.
 *
 * Reads the raw input, so that its issues can be reported together with the schema's: a field the
 * schema refuses (not a string, empty) is left to the schema and not reported twice.
 *
 * @param definition - the meter definition as given to `tg.meters.create` (untrusted input).
 * @returns every problem found, `[]` for a definition the metering core can compile.
 * @example
 * meterDefinitionIssues({ aggregation: 'SUM', groupBy: { model: 'model' } });
 * // [{ path: 'valueProperty', code: 'required', ... }, { path: 'groupBy.model', code: 'invalid_json_path', ... }]
 */
export function meterDefinitionIssues(definition: unknown): ValidationIssue[] {
  if (typeof definition !== 'object' || definition === null) return [];
  const input = definition as { aggregation?: unknown; valueProperty?: unknown; groupBy?: unknown };
  const issues: ValidationIssue[] = [];
  const aggregation = input.aggregation;
  if (isAggregation(aggregation) && requiresValueProperty(aggregation)) {
    if (input.valueProperty === undefined || input.valueProperty === null) {
      issues.push({ path: 'valueProperty', code: 'required', message: `Required for ${aggregation} meters (a JSONPath such as $.tokens)` });
    }
  }
  pathIssues(input.valueProperty, 'valueProperty', issues);
  if (typeof input.groupBy === 'object' && input.groupBy !== null) {
    for (const [name, path] of Object.entries(input.groupBy)) pathIssues(path, `groupBy.${name}`, issues);
  }
  return issues;
}

function isAggregation(value: unknown): value is Aggregation {
  return (AGGREGATIONS as readonly unknown[]).includes(value);
}

/** Pushes the issue of a path that does not compile; a missing or empty path is the schema's to report. */
function pathIssues(path: unknown, field: string, issues: ValidationIssue[]): void {
  if (typeof path !== 'string' || path === '') return;
  try {
    compileJsonPath(path, field);
  } catch (error) {
    if (error instanceof ValidationError) issues.push(...error.issues);
    else throw error;
  }
}
