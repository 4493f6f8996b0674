import type { ValidationIssue } from '../../errors';
import { ZERO, type Decimal } from '../money';
import type { CompiledMatrixEntry, CompiledModel } from './compiled-price';
import { matrixKey } from './matrix-key';
import { usageLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';

/** A compiled matrix price. @internal */
export type CompiledMatrix = Extract<CompiledModel, { type: 'matrix' }>;

/** One combination's usage as given by the caller, amounts already read. @internal */
export interface MatrixUsageItem {
  readonly dimensions: Readonly<Record<string, string>>;
  readonly quantity: Decimal;
  readonly pre: Decimal;
}

/** The cumulative usage of every entry of a matrix price before and after a part. @internal */
export interface MatrixState {
  /** Per entry (in the price's order): the quantity billed by earlier parts of the period. */
  readonly pre: readonly Decimal[];
  /** Per entry: `pre` + this part's quantity. */
  readonly post: readonly Decimal[];
}

/**
 * Matches each usage item to the entry with the same dimension values and sums the usage per entry.
 * Returns the issues (under `path`, e.g. `matrixUsage`) for items whose keys are not exactly the
 * price's dimensions, whose combination has no entry (`unmatched_dimensions`), or that repeat a
 * combination (`duplicate_dimensions`). @internal
 */
export function resolveMatrixUsage(
  model: CompiledMatrix,
  items: readonly MatrixUsageItem[],
  path: string,
): { state: MatrixState; issues: ValidationIssue[] } {
  const pre: Decimal[] = model.entries.map(() => ZERO);
  const post: Decimal[] = model.entries.map(() => ZERO);
  const issues: ValidationIssue[] = [];
  const seen = new Map<number, number>();
  items.forEach((item, i) => {
    const at = `${path}[${i}].dimensions`;
    const entry = findEntry(model, item.dimensions, at, issues);
    if (entry === undefined) return;
    const first = seen.get(entry);
    if (first !== undefined) {
      issues.push({ path: at, code: 'duplicate_dimensions', message: `the same combination as ${path}[${first}]` });
      return;
    }
    seen.set(entry, i);
    pre[entry] = item.pre;
    post[entry] = item.pre.plus(item.quantity);
  });
  return { state: { pre, post }, issues };
}

function findEntry(model: CompiledMatrix, values: Readonly<Record<string, string>>, path: string, issues: ValidationIssue[]): number | undefined {
  let exact = true;
  for (const d of model.dimensions) {
    if (!Object.hasOwn(values, d)) {
      issues.push({ path, code: 'missing_dimension', message: `a value for dimension ${JSON.stringify(d)} is required` });
      exact = false;
    }
  }
  for (const key of Object.keys(values)) {
    if (!model.dimensions.includes(key)) {
      issues.push({ path: `${path}.${key}`, code: 'unknown_dimension', message: `${JSON.stringify(key)} is not a dimension of the price` });
      exact = false;
    }
  }
  if (!exact) return undefined;
  const entry = model.index.get(matrixKey(model.dimensions, values));
  if (entry === undefined) {
    issues.push({
      path,
      code: 'unmatched_dimensions',
      message: `no entry of the matrix price matches ${JSON.stringify(values)}`,
    });
  }
  return entry;
}

/** `Usage (region: eu, model: large)`, the dimensions in the price's order. */
function lineName(dimensions: readonly string[], entry: CompiledMatrixEntry): string {
  return `Usage (${dimensions.map((d) => `${d}: ${entry.match[d] ?? ''}`).join(', ')})`;
}

/**
 * Matrix price (as Orb's): each combination of dimension values has its own unit amount. Bills,
 * per entry in the price's order, the billable units between `from[i]` and `to[i]` (cumulative,
 * after the usage discount) at the entry's amount: one `Usage (...)` line per combination with
 * usage. @internal
 * @example
 * // entries { region: eu } 0.02, { region: us } 0.01; usage eu 100, us 300 → 2.00 + 3.00
 */
export function priceMatrix(
  model: CompiledMatrix,
  from: readonly Decimal[],
  to: readonly Decimal[],
  ctx: PricingContext,
): DetailedLine[] {
  const lines: DetailedLine[] = [];
  model.entries.forEach((entry, i) => {
    const quantity = (to[i] ?? ZERO).minus(from[i] ?? ZERO);
    if (!quantity.isZero()) lines.push(usageLine(lineName(model.dimensions, entry), quantity, entry.amount, ctx));
  });
  return lines;
}
