import type { Period } from '../time';
import { runAdditiveBurnDown } from './additive-burn-down';
import { parseBurnDownInput, type BurnDownInput, type ParsedBurnDownInput } from './burn-down-input';
import type { BurnDownResult } from './burn-down-result';
import { runLatestBurnDown } from './latest-burn-down';
import { planSegments, usageWindowOf } from './segments';

/**
 * Burns usage down through a customer's grants over `[from, to)` and returns the state at instant
 * `to` (docs/semantics.md D7, D8, docs/semantics.md "Entitlements and grants"). Pure and exact: every amount is a
 * decimal, every output a canonical decimal string.
 *
 * The run is split into segments at every instant where a grant becomes effective, expires, is
 * voided or recurs, and at every reset. Usage in a segment (from `usage(segFrom, segTo)`) burns the
 * active grants in burn order (priority ascending, earliest expiry, earliest effectiveAt, id); a
 * balance never goes below zero and what no grant covers is overage. At each instant, in order:
 * grants expiring or voided there leave; a reset rolls every grant over to
 * min(maxRollover, max(minRollover, balance)) and forgives the overage unless `preserveOverage`;
 * recurring grants are refilled to their amount; grants becoming effective join at their full
 * amount; then any outstanding overage is repaid from the available balances in burn order. So a
 * check at `t` sees the state at `t`: a grant effective at `t` counts and has paid the overage, a
 * grant expiring at `t` does not count, a reset or recurrence at `t` has happened. With `includeTo`
 * the usage stamped at `t` itself is burnt last (after all of that): the state a check at `t` sees.
 *
 * The starting state is the state at `from` after everything at that instant: resets at `from` are
 * not applied again, and an active grant without a starting balance starts at its full amount.
 * Usage is read only from `from` on: a run from a snapshot replays only what follows it.
 *
 * With `aggregation: 'LATEST'` the reader returns the latest value stamped in `[from, to)` (0 for
 * none) and is always asked from the start of the usage period: balance = max(0, Σ active grant
 * amounts − usage), overage = max(0, usage − Σ), spread over the grants in burn order.
 *
 * @throws ValidationError listing every problem of the input (grants included), `too_many_segments`
 *   for a run too long to replay, and `invalid_decimal` (path `usage`) when the reader returns a
 *   value that is not a decimal.
 * @example
 * const usage = (from: Date, to: Date) => sumOfEventsIn(from, to); // exact usage in [from, to)
 * burnDown({
 *   grants: [
 *     { id: 'monthly', amount: 100, priority: 2, effectiveAt: '2024-01-01T00:00:00Z' },
 *     { id: 'promo', amount: 20, priority: 1, effectiveAt: '2024-01-01T00:00:00Z', expiresAt: '2024-01-15T00:00:00Z' },
 *   ],
 *   usage,
 *   from: '2024-01-01T00:00:00Z',
 *   to: '2024-01-20T00:00:00Z',
 * });
 * // 30 used on Jan 10: promo gives 20, monthly 10 → { balances: { monthly: '90' }, overage: '0', usage: '30', ... }
 */
export function burnDown(input: BurnDownInput): BurnDownResult {
  return runBurnDown(parseBurnDownInput(input));
}

/**
 * {@link burnDown} on an input already read by `parseBurnDownInput` (a caller that checks often
 * can read its grants once).
 * @example
 * runBurnDown(parseBurnDownInput(input));
 */
export function runBurnDown(input: ParsedBurnDownInput): BurnDownResult {
  return input.latest ? runLatestBurnDown(input) : runAdditiveBurnDown(input);
}

/**
 * The spans `[from, to)` that {@link burnDown} will read through its `usage` reader, in the order
 * it reads them, computed without reading anything: a caller whose meter lives in storage can
 * fetch them all in one round trip, then run `burnDown` with a reader that looks them up.
 * @throws ValidationError like {@link burnDown}.
 * @example
 * usageWindows({ grants, from: '2024-01-01T00:00:00Z', to: '2024-01-20T00:00:00Z' });
 * // [{ from: 2024-01-01, to: 2024-01-15 }, { from: 2024-01-15, to: 2024-01-20 }]
 */
export function usageWindows(input: Omit<BurnDownInput, 'usage'>): Period[] {
  const parsed = parseBurnDownInput({ ...input, usage: () => 0 });
  const out: Period[] = [];
  for (const step of planSegments(parsed)) {
    const window = usageWindowOf(step, parsed);
    if (window !== null) out.push({ from: new Date(window.from), to: new Date(window.to) });
  }
  return out;
}
