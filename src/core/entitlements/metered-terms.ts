import { formatDecimal, parseDecimal } from '../money';
import type { NumericInput } from './numeric';
import { type ThresholdType, validateThresholds } from './thresholds';
import { usagePeriodAt } from './usage-period';

/** The terms of a metered entitlement as given (validated in form), before defaults. */
export interface MeteredTermsInput {
  readonly usagePeriod: { readonly interval: string; readonly anchor?: Date | undefined };
  readonly isSoftLimit?: boolean | undefined;
  readonly issueAfterReset?: { readonly amount: NumericInput; readonly priority?: number | undefined } | undefined;
  readonly preserveOverageAtReset?: boolean | undefined;
  readonly measureUsageFrom?: Date | undefined;
  readonly thresholds?: ReadonlyArray<{ readonly type: ThresholdType; readonly value: NumericInput }> | undefined;
}

/** The terms of a metered entitlement with every default applied and every decimal canonical. */
export interface MeteredTerms {
  usagePeriod: { interval: string; anchor: Date };
  isSoftLimit: boolean;
  issueAfterReset: { amount: string; priority: number } | null;
  preserveOverageAtReset: boolean;
  measureUsageFrom: Date;
  thresholds: Array<{ type: ThresholdType; value: string }>;
}

/**
 * A metered entitlement's terms with their defaults, as created at `now`: the usage period is
 * anchored at `now` unless given; a hard limit; `issueAfterReset` priority 1; overage forgiven at
 * reset; usage measured from the start of the usage period that contains `now`; thresholds in
 * canonical decimals (validated).
 * @throws ValidationError for a bad decimal (`issueAfterReset.amount`, a threshold `value`) or a bad threshold.
 * @example
 * meteredTermsOf({ usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: '100.0' } }, new Date('2024-01-15T00:00:00Z'));
 * // { usagePeriod: { interval: 'P1M', anchor: 2024-01-15 }, issueAfterReset: { amount: '100', priority: 1 },
 * //   measureUsageFrom: 2024-01-15, isSoftLimit: false, preserveOverageAtReset: false, thresholds: [] }
 */
export function meteredTermsOf(input: MeteredTermsInput, now: Date): MeteredTerms {
  const thresholds = (input.thresholds ?? []).map((t) => ({ type: t.type, value: formatDecimal(parseDecimal(t.value, 'value')) }));
  validateThresholds(thresholds);
  const anchor = input.usagePeriod.anchor ?? now;
  const issue = input.issueAfterReset;
  return {
    usagePeriod: { interval: input.usagePeriod.interval, anchor },
    isSoftLimit: input.isSoftLimit ?? false,
    issueAfterReset: issue === undefined ? null : { amount: formatDecimal(parseDecimal(issue.amount, 'issueAfterReset.amount')), priority: issue.priority ?? 1 },
    preserveOverageAtReset: input.preserveOverageAtReset ?? false,
    measureUsageFrom: input.measureUsageFrom ?? usagePeriodAt(anchor, input.usagePeriod.interval, now).from,
    thresholds,
  };
}
