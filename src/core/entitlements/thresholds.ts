import { ValidationError, type ValidationIssue } from '../../errors';
import { ZERO, parseDecimal, type Decimal } from '../money';
import type { MeteredBalance } from './entitlement-value';
import type { OpenSegment } from './open-segment';
import type { NumericInput } from './numeric';

/** The kinds of entitlement threshold. */
export const THRESHOLD_TYPES = ['usage_percentage', 'usage', 'balance'] as const;

/** `usage_percentage`: usage ≥ value % of what the grants made available; `usage`: usage ≥ value; `balance`: balance ≤ value. */
export type ThresholdType = (typeof THRESHOLD_TYPES)[number];

/** A notification threshold of a metered entitlement, fired once per usage period when reached. */
export interface Threshold {
  type: ThresholdType;
  /** A decimal ≥ 0 (a percentage for `usage_percentage`: 80 = 80 %). */
  value: NumericInput;
}

/**
 * A stable key of a threshold, unique within one entitlement (`usage_percentage:80`).
 * @example
 * thresholdKey({ type: 'usage', value: '1000.0' }); // 'usage:1000'
 */
export function thresholdKey(threshold: Threshold): string {
  return `${threshold.type}:${parseDecimal(threshold.value, 'value').toFixed()}`;
}

/**
 * True when the entitlement value has reached the threshold: usage ≥ value; balance ≤ value;
 * usage ≥ value % of `totalAvailableGrantAmount` (any positive usage when nothing is available).
 * @example
 * isThresholdReached({ type: 'usage_percentage', value: 80 }, { balance: '15', usage: '85', overage: '0', totalAvailableGrantAmount: '100' }); // true
 */
export function isThresholdReached(threshold: Threshold, value: MeteredBalance): boolean {
  const limit = parseDecimal(threshold.value, 'value');
  const usage = parseDecimal(value.usage, 'usage');
  switch (threshold.type) {
    case 'usage':
      return usage.gte(limit);
    case 'balance':
      return parseDecimal(value.balance, 'balance').lte(limit);
    case 'usage_percentage': {
      const total = parseDecimal(value.totalAvailableGrantAmount, 'totalAvailableGrantAmount');
      if (total.isZero()) return usage.isPositive() && !usage.isZero();
      return usage.times(100).gte(limit.times(total));
    }
  }
}

/**
 * The usage since the start of an open segment at which `threshold` is reached (the trigger to
 * evaluate it; never later than the exact point). `ZERO` when it is reached already.
 * @example
 * thresholdPoint(open, { type: 'balance', value: 10 }); // open.balance − 10
 */
export function thresholdPoint(open: OpenSegment, threshold: Threshold): Decimal {
  const limit = parseDecimal(threshold.value, 'value');
  let point: Decimal;
  switch (threshold.type) {
    case 'usage':
      point = limit.minus(open.usage);
      break;
    case 'balance':
      point = open.balance.minus(limit);
      break;
    case 'usage_percentage': {
      const total = open.balance.plus(open.grantUsage);
      point = limit.times(total).div(100).minus(open.usage);
      break;
    }
  }
  return point.isNegative() ? ZERO : point;
}

/**
 * Validates a list of thresholds: known types, decimal values ≥ 0, no duplicates.
 * @throws ValidationError listing every problem (paths `thresholds[1].value`...).
 * @example
 * validateThresholds([{ type: 'usage_percentage', value: 80 }]);
 */
export function validateThresholds(thresholds: readonly Threshold[], path = 'thresholds'): void {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  thresholds.forEach((t, i) => {
    if (!(THRESHOLD_TYPES as readonly string[]).includes(t.type)) {
      issues.push({ path: `${path}[${i}].type`, code: 'invalid_enum', message: `expected one of ${THRESHOLD_TYPES.join(', ')}` });
      return;
    }
    let value: Decimal;
    try {
      value = parseDecimal(t.value, `${path}[${i}].value`);
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      return;
    }
    if (value.isNegative()) issues.push({ path: `${path}[${i}].value`, code: 'negative', message: 'must not be negative' });
    const key = `${t.type}:${value.toFixed()}`;
    if (seen.has(key)) issues.push({ path: `${path}[${i}]`, code: 'duplicate', message: `the threshold ${key} is listed twice` });
    seen.add(key);
  });
  if (issues.length > 0) throw new ValidationError(issues);
}
