import { ZERO, formatDecimal, type Decimal } from '../money';
import type { ParsedBurnDownInput } from './burn-down-input';
import { burnGrants, restoreGrants, type BurnOutcome } from './burn-grants';
import {
  balancesRecord,
  grantUsagesOf,
  sumBalances,
  type BurnDownResult,
  type BurnDownSegment,
  type BurnDownSnapshot,
} from './burn-down-result';
import { isGrantActiveAt } from './grant';
import { readUsage } from './read-usage';
import { rolloverBalance } from './rollover';
import { planSegments, usageWindowOf, type BurnDownStep } from './segments';

/** The running state of an additive run. Mutated step by step inside {@link runAdditiveBurnDown} only. */
interface State {
  /** Exactly the grants active at the current instant. */
  readonly balances: Map<string, Decimal>;
  overage: Decimal;
  periodStart: number;
  usage: Decimal;
  grantUsage: Decimal;
}

/**
 * The burn-down of an additive meter (`SUM`, `COUNT`): usage in each segment burns the active
 * grants in burn order; what they cannot cover is overage, repaid first by any balance that
 * appears later (a grant becoming effective, a refill, a rollover with a minimum); at a reset every
 * grant keeps its rollover balance and the overage is forgiven or preserved. @internal
 * @example
 * runAdditiveBurnDown(parseBurnDownInput({ grants, usage, from, to }));
 */
export function runAdditiveBurnDown(input: ParsedBurnDownInput): BurnDownResult {
  const state = openState(input);
  const segments: BurnDownSegment[] = [];
  const snapshots: BurnDownSnapshot[] = [];
  for (const step of planSegments(input)) {
    segments.push(burnSegment(state, step, input));
    if (step.usageOnly === true) continue;
    applyInstant(state, step, input);
    if (step.reset !== null) snapshots.push(snapshotOfState(state, step.at, input));
  }
  const balance = sumBalances(state.balances);
  return {
    from: new Date(input.from),
    to: new Date(input.to),
    periodStart: new Date(state.periodStart),
    balances: balancesRecord(input.grants, state.balances),
    balance: formatDecimal(balance),
    overage: formatDecimal(state.overage),
    usage: formatDecimal(state.usage),
    grantUsage: formatDecimal(state.grantUsage),
    totalAvailableGrantAmount: formatDecimal(balance.plus(state.grantUsage)),
    segments,
    snapshots,
  };
}

/** The state at `from`: given balances, full amounts for the other active grants, then overage repaid. */
function openState(input: ParsedBurnDownInput): State {
  const balances = new Map<string, Decimal>();
  for (const grant of input.grants) {
    if (isGrantActiveAt(grant, input.from)) balances.set(grant.id, input.startingBalances.get(grant.id) ?? grant.amount);
  }
  const state: State = {
    balances,
    overage: input.startingOverage,
    periodStart: input.periodStart,
    usage: input.startingUsage,
    grantUsage: input.startingGrantUsage,
  };
  repayOverage(state, input);
  return state;
}

/** Burns the usage of the segment `[step.from, step.at)`. */
function burnSegment(state: State, step: BurnDownStep, input: ParsedBurnDownInput): BurnDownSegment {
  const balanceAtStart = sumBalances(state.balances);
  const overageAtStart = state.overage;
  const usage = readUsage(input, usageWindowOf(step, input));
  let outcome: BurnOutcome;
  let overage: Decimal;
  if (usage.isNegative()) {
    const refund = usage.negated();
    const forgiven = refund.lt(state.overage) ? refund : state.overage;
    outcome = restoreGrants(state.balances, input.grants, refund.minus(forgiven));
    overage = forgiven.negated();
    state.grantUsage = state.grantUsage.minus(refund.minus(forgiven).minus(outcome.remainder));
  } else {
    outcome = burnGrants(state.balances, input.grants, usage);
    overage = outcome.remainder;
    state.grantUsage = state.grantUsage.plus(usage.minus(overage));
  }
  state.overage = state.overage.plus(overage);
  state.usage = state.usage.plus(usage);
  return {
    from: new Date(step.from),
    to: new Date(step.at),
    usage: formatDecimal(usage),
    overage: formatDecimal(overage),
    overageAtStart: formatDecimal(overageAtStart),
    balanceAtStart: formatDecimal(balanceAtStart),
    balances: balancesRecord(input.grants, state.balances),
    grantUsages: grantUsagesOf(outcome.burns),
    endsWithReset: step.reset !== null,
  };
}

/**
 * What happens at instant `step.at`, in this order: grants expiring or voided leave; a reset rolls
 * every remaining grant over (and forgives the overage unless preserved); recurring grants are
 * refilled; grants becoming effective join at their full amount; the outstanding overage is repaid.
 */
function applyInstant(state: State, step: BurnDownStep, input: ParsedBurnDownInput): void {
  const at = step.at;
  for (const grant of input.grants) {
    if (grant.activeUntil <= at) state.balances.delete(grant.id);
  }
  if (step.reset !== null) {
    for (const grant of input.grants) {
      const balance = state.balances.get(grant.id);
      if (balance !== undefined) state.balances.set(grant.id, rolloverBalance(grant, balance));
    }
    if (!step.reset.preserveOverage) state.overage = ZERO;
    state.periodStart = at;
    state.usage = ZERO;
  }
  for (const grant of step.refills) {
    if (state.balances.has(grant.id)) state.balances.set(grant.id, grant.amount);
  }
  for (const grant of input.grants) {
    if (!state.balances.has(grant.id) && isGrantActiveAt(grant, at)) state.balances.set(grant.id, grant.amount);
  }
  repayOverage(state, input);
  // What repays the old period's overage at the reset itself is not part of the new period's grant usage,
  // so a snapshot at a period start is just { at, balances, overage }.
  if (step.reset !== null) state.grantUsage = ZERO;
}

/** Burns the outstanding overage from whatever balance is available. */
function repayOverage(state: State, input: ParsedBurnDownInput): void {
  if (state.overage.isZero()) return;
  const outcome = burnGrants(state.balances, input.grants, state.overage);
  state.grantUsage = state.grantUsage.plus(state.overage.minus(outcome.remainder));
  state.overage = outcome.remainder;
}

function snapshotOfState(state: State, at: number, input: ParsedBurnDownInput): BurnDownSnapshot {
  return {
    at: new Date(at),
    periodStart: new Date(state.periodStart),
    balances: balancesRecord(input.grants, state.balances),
    overage: formatDecimal(state.overage),
    usage: formatDecimal(state.usage),
    grantUsage: formatDecimal(state.grantUsage),
  };
}
