import type { ValidationIssue } from '../../errors';
import { ZERO, parseDecimal, type Decimal } from '../money';
import type { CompiledPrice } from './compiled-price';
import { resolveMatrixUsage, type MatrixState } from './matrix-price';
import type { MatrixUsageItem as MatrixUsageInput, NumericInput } from './price';

/** What a part of a period asks to price, with every quantity read. @internal */
export interface UsageRequest {
  /** This part's usage (a matrix price: the sum over its combinations). */
  readonly quantity: Decimal;
  /** Usage billed by earlier parts of the period (a matrix price: the sum over its combinations). */
  readonly pre: Decimal;
  /** Free units (usage discount). */
  readonly free: Decimal;
  /** A matrix price's usage per entry. */
  readonly matrix?: MatrixState;
  /** Whether this part starts the period (and pays the first tier's flat amount). */
  readonly periodStart: boolean;
  /** Whether the minimum spend is settled by this part. */
  readonly periodEnd: boolean;
  /** The minimum spend to settle (the price's, or its prorated value); none when undefined. */
  readonly minimumAmount: Decimal | undefined;
}

/** The usage fields of an input that passed its schema. @internal */
export interface UsageFields {
  readonly quantity?: NumericInput | undefined;
  readonly preLinePeriodQuantity?: NumericInput | undefined;
  readonly matrixUsage?: readonly MatrixUsageInput[] | undefined;
  readonly periodStart?: boolean | undefined;
  readonly periodEnd?: boolean | undefined;
}

/**
 * Reads the usage of a part of a period for `price`, checking what only the price can tell: a
 * matrix price takes `matrixUsage` (not `quantity` or `preLinePeriodQuantity`) whose combinations
 * must match its entries; another price does not take `matrixUsage`. Issue paths are under
 * `path` (`''` or e.g. `lines[2]`). @internal
 */
export function resolveUsageRequest(
  price: CompiledPrice,
  fields: UsageFields,
  free: Decimal | undefined,
  path: string,
): { request: UsageRequest; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const freeUnits = free ?? ZERO;
  const periodEnd = fields.periodEnd ?? true;
  const minimumAmount = price.minimumAmount;
  if (price.model.type !== 'matrix') {
    if (fields.matrixUsage !== undefined) {
      issues.push({ path: at(path, 'matrixUsage'), code: 'unexpected_matrix_usage', message: 'matrixUsage is for a matrix price only; use quantity' });
    }
    const quantity = fields.quantity === undefined ? ZERO : parseDecimal(fields.quantity);
    const pre = fields.preLinePeriodQuantity === undefined ? ZERO : parseDecimal(fields.preLinePeriodQuantity);
    const periodStart = readPeriodStart(fields.periodStart, pre, path, issues);
    // Built field by field: object spread is slow on this hot path.
    return { request: { quantity, pre, free: freeUnits, periodStart, periodEnd, minimumAmount }, issues };
  }
  for (const field of ['quantity', 'preLinePeriodQuantity'] as const) {
    if (fields[field] !== undefined) {
      issues.push({
        path: at(path, field),
        code: 'matrix_quantity',
        message: `a matrix price takes its usage per combination: use matrixUsage[].${field === 'quantity' ? 'quantity' : 'preLinePeriodQuantity'}`,
      });
    }
  }
  const items = (fields.matrixUsage ?? []).map((item) => ({
    dimensions: item.dimensions,
    quantity: parseDecimal(item.quantity),
    pre: item.preLinePeriodQuantity === undefined ? ZERO : parseDecimal(item.preLinePeriodQuantity),
  }));
  const resolved = resolveMatrixUsage(price.model, items, at(path, 'matrixUsage'));
  issues.push(...resolved.issues);
  const quantity = items.reduce((sum, item) => sum.plus(item.quantity), ZERO);
  const pre = items.reduce((sum, item) => sum.plus(item.pre), ZERO);
  const periodStart = readPeriodStart(fields.periodStart, pre, path, issues);
  return { request: { quantity, pre, free: freeUnits, matrix: resolved.state, periodStart, periodEnd, minimumAmount }, issues };
}

/**
 * Whether a part starts its period: as given, or when nothing was billed before it (pre = 0).
 * A part after earlier usage cannot start the period.
 */
function readPeriodStart(given: boolean | undefined, pre: Decimal, path: string, issues: ValidationIssue[]): boolean {
  if (given === undefined) return pre.isZero();
  if (given && !pre.isZero()) {
    issues.push({
      path: at(path, 'periodStart'),
      code: 'period_start_after_usage',
      message: `a part after ${pre.toFixed()} units already billed cannot start the period`,
    });
  }
  return given;
}

/** `field` under `path`. */
function at(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}

/**
 * The same request, with another minimum spend (e.g. prorated). @internal
 */
export function withMinimumAmount(request: UsageRequest, minimumAmount: Decimal): UsageRequest {
  const { quantity, pre, free, matrix, periodStart, periodEnd } = request;
  return matrix === undefined
    ? { quantity, pre, free, periodStart, periodEnd, minimumAmount }
    : { quantity, pre, free, matrix, periodStart, periodEnd, minimumAmount };
}
