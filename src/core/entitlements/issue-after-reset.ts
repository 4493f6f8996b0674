import type { Instant } from '../time';
import { usagePeriodAt } from './usage-period';
import type { GrantInput } from './grant';
import type { NumericInput } from './numeric';

/** An entitlement's `issueAfterReset` option, with what the grant needs besides it. */
export interface IssueAfterResetInput {
  /** The grant's id. */
  id: string;
  /** The allowance restored every usage period. */
  amount: NumericInput;
  /** Default 1. */
  priority?: number | undefined;
  /** The start of the entitlement's (first) usage period. */
  usagePeriodStart: Instant;
}

/**
 * The grant behind an entitlement's `issueAfterReset: N` (docs/semantics.md D8): a grant of N, effective at
 * the usage-period start, that never expires, with min = max rollover = N, so every reset restores
 * it to exactly N (and, with preserved overage, the old overage is then burnt from it).
 * @example
 * issueAfterResetGrant({ id: 'ent_1/default', amount: 10000, usagePeriodStart: '2024-01-01T00:00:00Z' });
 * // { id: 'ent_1/default', amount: 10000, priority: 1, effectiveAt: '2024-01-01T00:00:00Z',
 * //   minRolloverAmount: 10000, maxRolloverAmount: 10000 }
 */
export function issueAfterResetGrant(input: IssueAfterResetInput): GrantInput {
  return {
    id: input.id,
    amount: input.amount,
    priority: input.priority ?? 1,
    effectiveAt: input.usagePeriodStart,
    minRolloverAmount: input.amount,
    maxRolloverAmount: input.amount,
  };
}

/** The terms of the grant behind `issueAfterReset`, with dates (what gets stored). */
export interface IssueAfterResetTerms {
  amount: string;
  priority: number;
  effectiveAt: Date;
  minRolloverAmount: string;
  maxRolloverAmount: string;
}

/**
 * The grant an entitlement created at `now` gets for its `issueAfterReset` option (see
 * {@link issueAfterResetGrant}): effective from the start of the usage period that contains `now`.
 * `undefined` when the entitlement has no such option.
 * @example
 * issueAfterResetTermsAt({ issueAfterReset: { amount: '100', priority: 1 }, usagePeriod: { interval: 'P1M', anchor } }, now);
 * // { amount: '100', priority: 1, effectiveAt: <period start>, minRolloverAmount: '100', maxRolloverAmount: '100' }
 */
export function issueAfterResetTermsAt(
  e: {
    readonly issueAfterReset: { readonly amount: string; readonly priority: number } | null;
    readonly usagePeriod: { readonly interval: string; readonly anchor: Date; readonly timeZone?: string | undefined } | null;
  },
  now: Date,
): IssueAfterResetTerms | undefined {
  if (e.issueAfterReset === null || e.usagePeriod === null) return undefined;
  const start = usagePeriodAt(e.usagePeriod.anchor, e.usagePeriod.interval, now, e.usagePeriod.timeZone).from;
  const { amount, priority } = e.issueAfterReset;
  return { amount, priority, effectiveAt: start, minRolloverAmount: amount, maxRolloverAmount: amount };
}
