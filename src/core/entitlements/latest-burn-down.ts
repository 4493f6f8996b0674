import { ZERO, formatDecimal, type Decimal } from '../money';
import type { ParsedBurnDownInput } from './burn-down-input';
import { burnGrants, type BurnOutcome } from './burn-grants';
import {
  balancesRecord,
  grantUsagesOf,
  sumBalances,
  type BurnDownResult,
  type BurnDownSegment,
  type BurnDownSnapshot,
} from './burn-down-result';
import { isGrantActiveAt, type ParsedGrant } from './grant';
import { readUsage } from './read-usage';
import { planSegments, usageWindowOf } from './segments';

/** A level spread over the grants active at one instant. */
interface Allocation {
  /** Each active grant's amount minus its share of the level. */
  readonly balances: Map<string, Decimal>;
  /** Σ active grant amounts. */
  readonly capacity: Decimal;
  readonly outcome: BurnOutcome;
}

/**
 * The burn-down of a `LATEST` meter, whose usage is a level, not a flow (docs/semantics.md: usage = the
 * latest value of the usage period up to t; balance = max(0, Σ active grant amounts − usage);
 * overage = max(0, usage − Σ)). The level is spread over the active grants in burn order, each up
 * to its amount, which gives the per-grant balances and usages. Rollover, refills, starting
 * balances and preserved overage do not apply: the level is measured again at every instant, and
 * a reset restarts it at 0. A negative latest value counts as 0 against the grants. @internal
 * @example
 * runLatestBurnDown(parseBurnDownInput({ grants, usage: latestIn, from, to, aggregation: 'LATEST' }));
 */
export function runLatestBurnDown(input: ParsedBurnDownInput): BurnDownResult {
  let level = input.startingUsage;
  let periodStart = input.periodStart;
  const segments: BurnDownSegment[] = [];
  const snapshots: BurnDownSnapshot[] = [];
  for (const step of planSegments(input)) {
    const before = allocate(input.grants, step.from, level);
    level = readUsage(input, usageWindowOf(step, input));
    const after = allocate(input.grants, step.from, level);
    segments.push({
      from: new Date(step.from),
      to: new Date(step.at),
      usage: formatDecimal(level),
      overage: formatDecimal(after.outcome.remainder),
      overageAtStart: formatDecimal(before.outcome.remainder),
      balanceAtStart: formatDecimal(sumBalances(before.balances)),
      balances: balancesRecord(input.grants, after.balances),
      grantUsages: grantUsagesOf(after.outcome.burns),
      endsWithReset: step.reset !== null,
    });
    if (step.reset !== null) {
      level = ZERO;
      periodStart = step.at;
      snapshots.push(snapshotOf(input, step.at, periodStart, level));
    }
  }
  return resultOf(input, periodStart, level, segments, snapshots);
}

/** Spreads `level` over the grants active at `at`, in burn order. */
function allocate(ordered: readonly ParsedGrant[], at: number, level: Decimal): Allocation {
  const balances = new Map<string, Decimal>();
  let capacity = ZERO;
  for (const grant of ordered) {
    if (!isGrantActiveAt(grant, at)) continue;
    balances.set(grant.id, grant.amount);
    capacity = capacity.plus(grant.amount);
  }
  const outcome = burnGrants(balances, ordered, level.isNegative() ? ZERO : level);
  return { balances, capacity, outcome };
}

function snapshotOf(input: ParsedBurnDownInput, at: number, periodStart: number, level: Decimal): BurnDownSnapshot {
  const state = allocate(input.grants, at, level);
  const overage = state.outcome.remainder;
  return {
    at: new Date(at),
    periodStart: new Date(periodStart),
    balances: balancesRecord(input.grants, state.balances),
    overage: formatDecimal(overage),
    usage: formatDecimal(level),
    grantUsage: formatDecimal(grantShare(level, overage)),
  };
}

function resultOf(
  input: ParsedBurnDownInput,
  periodStart: number,
  level: Decimal,
  segments: BurnDownSegment[],
  snapshots: BurnDownSnapshot[],
): BurnDownResult {
  const state = allocate(input.grants, input.to, level);
  const overage = state.outcome.remainder;
  return {
    from: new Date(input.from),
    to: new Date(input.to),
    periodStart: new Date(periodStart),
    balances: balancesRecord(input.grants, state.balances),
    balance: formatDecimal(sumBalances(state.balances)),
    overage: formatDecimal(overage),
    usage: formatDecimal(level),
    grantUsage: formatDecimal(grantShare(level, overage)),
    totalAvailableGrantAmount: formatDecimal(state.capacity),
    segments,
    snapshots,
  };
}

/** The part of the level the grants cover. */
function grantShare(level: Decimal, overage: Decimal): Decimal {
  return level.isNegative() ? ZERO : level.minus(overage);
}
