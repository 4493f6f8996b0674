import type { ValidationIssue } from '../../errors';
import { ZERO, parseDecimal, type Decimal } from '../money';
import type { Instant } from '../time';
import { toEpochMs } from '../time/internal';
import { sortByBurnOrder } from './burn-order';
import { addIssue, collectIssues, throwIfAny } from './collect-issues';
import { parseGrants, type GrantInput, type ParsedGrant } from './grant';
import { isPreparedGrants, type PreparedGrants } from './prepared-grants';
import type { NumericInput } from './numeric';

/**
 * How usage values combine. `SUM` and `COUNT` (and any additive meter) are flows: the usage of a
 * span is burnt from the grants once. `LATEST` is a level: usage is the latest value since the
 * usage period started, and the balance is Σ active grant amounts − that value.
 */
export type BurnDownAggregation = 'SUM' | 'COUNT' | 'LATEST';

/** The aggregations {@link burnDown} accepts. */
export const BURN_DOWN_AGGREGATIONS: readonly BurnDownAggregation[] = ['SUM', 'COUNT', 'LATEST'];

/**
 * Reads the meter for the half-open span `[from, to)`. For `SUM`/`COUNT`: the exact usage in the
 * span. For `LATEST`: the latest value stamped in the span (`0` when there is none); the engine
 * then always asks from the start of the current usage period.
 */
export type UsageReader = (from: Date, to: Date) => NumericInput;

/** A reset inside the run (a usage-period boundary or a manual reset). */
export interface BurnDownReset {
  /** The reset instant. Resets at or before `from`, or after `to`, are ignored. */
  at: Instant;
  /** Burn the old period's overage from the rolled-over balances instead of forgiving it. Default false. */
  preserveOverage?: boolean | undefined;
}

/** Input of {@link burnDown}. */
export interface BurnDownInput {
  /** Every grant that may be active at some instant of `[from, to]` (or the same, prepared once by `prepareGrants`). */
  grants: readonly GrantInput[] | PreparedGrants;
  /** The meter reader; see {@link UsageReader}. */
  usage: UsageReader;
  /** Start of the run. The starting state is the state at `from`, after everything that happens at that instant. */
  from: Instant;
  /** End of the run: the result is the state at instant `to` (usage in `[from, to)`, events at `to` applied). */
  to: Instant;
  /** Balances at `from` by grant id. An active grant without one starts at its full amount; others are ignored. */
  startingBalances?: Readonly<Record<string, NumericInput>> | undefined;
  /** Overage outstanding at `from` (paid first by any balance available at `from`). Default 0. */
  startingOverage?: NumericInput | undefined;
  /** Usage of the current usage period before `from` (`LATEST`: the value at `from`). Default 0. */
  startingUsage?: NumericInput | undefined;
  /** What the grants gave in the current usage period before `from` (for `totalAvailableGrantAmount`). Default 0. */
  startingGrantUsage?: NumericInput | undefined;
  /** Start of the usage period that contains `from` (not after it). Default `from`. */
  periodStart?: Instant | undefined;
  /** The resets in `(from, to]`. */
  resets?: readonly BurnDownReset[] | undefined;
  /** Default `SUM`. */
  aggregation?: BurnDownAggregation | undefined;
  /** Usage stamped before this instant is not counted. */
  measureUsageFrom?: Instant | undefined;
  /**
   * Also count the usage stamped exactly at `to`, burnt after everything that happens at `to` (the
   * state at the end of instant `to`, as a check at `to` sees it): the last span read is
   * `[.., to + 1ms)`, and nothing that happens at `to + 1ms` applies. Default false (usage in `[from, to)`).
   */
  includeTo?: boolean | undefined;
}

/** A reset, read: epoch ms and whether the overage is preserved. @internal */
export interface ParsedReset {
  readonly at: number;
  readonly preserveOverage: boolean;
}

/** {@link BurnDownInput} validated and read; times in epoch ms. @internal */
export interface ParsedBurnDownInput {
  /** Every grant, in burn order. */
  readonly grants: readonly ParsedGrant[];
  readonly usage: UsageReader;
  readonly from: number;
  readonly to: number;
  readonly startingBalances: ReadonlyMap<string, Decimal>;
  readonly startingOverage: Decimal;
  readonly startingUsage: Decimal;
  readonly startingGrantUsage: Decimal;
  readonly periodStart: number;
  /** Resets in `(from, to]`, sorted, one per instant (overage preserved if any reset there says so). */
  readonly resets: readonly ParsedReset[];
  readonly latest: boolean;
  /** `-Infinity` when absent. */
  readonly measureUsageFrom: number;
  /** Usage stamped at `to` counts too (see {@link BurnDownInput.includeTo}). */
  readonly includeTo: boolean;
}

/**
 * Validates a {@link BurnDownInput} and reads it. Every problem is reported at once in one
 * ValidationError (paths `grants[1].priority`, `to`, `startingBalances.g1`, `resets[0].at`...).
 * @throws ValidationError listing every problem.
 * @example
 * const parsed = parseBurnDownInput({ grants, usage, from: '2024-01-01', to: '2024-02-01' });
 */
export function parseBurnDownInput(input: BurnDownInput): ParsedBurnDownInput {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) {
    addIssue(issues, '', 'invalid_type', 'expected the burn-down input object');
    throwIfAny(issues);
  }
  const grants = readGrants(input.grants, issues);
  if (typeof input.usage !== 'function') addIssue(issues, 'usage', 'invalid_type', 'expected a function (from, to) => usage');
  const from = collectIssues(issues, () => toEpochMs(input.from, 'from'));
  const to = collectIssues(issues, () => toEpochMs(input.to, 'to'));
  if (from !== undefined && to !== undefined && from > to) addIssue(issues, 'to', 'invalid_range', '`to` is before `from`');
  const periodStart = input.periodStart === undefined ? from : collectIssues(issues, () => toEpochMs(input.periodStart, 'periodStart'));
  if (periodStart !== undefined && from !== undefined && periodStart > from) {
    addIssue(issues, 'periodStart', 'invalid_range', '`periodStart` is after `from`');
  }
  const measureUsageFrom = input.measureUsageFrom === undefined ? -Infinity : collectIssues(issues, () => toEpochMs(input.measureUsageFrom, 'measureUsageFrom'));
  const aggregation = input.aggregation ?? 'SUM';
  if (input.includeTo !== undefined && typeof input.includeTo !== 'boolean') addIssue(issues, 'includeTo', 'invalid_type', 'expected a boolean');
  if (!BURN_DOWN_AGGREGATIONS.includes(aggregation)) {
    addIssue(issues, 'aggregation', 'invalid_enum', `expected one of ${BURN_DOWN_AGGREGATIONS.join(', ')}`);
  }
  const startingBalances = readBalances(input.startingBalances, issues);
  const startingOverage = readAmount(input.startingOverage, 'startingOverage', issues);
  const startingUsage = readUsage(input.startingUsage, issues);
  const startingGrantUsage = readAmount(input.startingGrantUsage, 'startingGrantUsage', issues);
  const resets = readResets(input.resets, issues);
  throwIfAny(issues);
  return {
    grants: grants as readonly ParsedGrant[],
    usage: input.usage,
    from: from as number,
    to: to as number,
    startingBalances,
    startingOverage: startingOverage as Decimal,
    startingUsage: startingUsage as Decimal,
    startingGrantUsage: startingGrantUsage as Decimal,
    periodStart: periodStart as number,
    resets: normalizeResets(resets, from as number, to as number),
    latest: aggregation === 'LATEST',
    measureUsageFrom: measureUsageFrom as number,
    includeTo: input.includeTo === true,
  };
}

/** The grants in burn order: as prepared, or validated now. */
function readGrants(grants: readonly GrantInput[] | PreparedGrants, issues: ValidationIssue[]): readonly ParsedGrant[] | undefined {
  if (isPreparedGrants(grants)) return grants.grants;
  const parsed = collectIssues(issues, () => parseGrants(grants));
  return parsed === undefined ? undefined : sortByBurnOrder(parsed);
}

function readAmount(value: unknown, path: string, issues: ValidationIssue[]): Decimal | undefined {
  if (value === undefined) return ZERO;
  const d = collectIssues(issues, () => parseDecimal(value, path));
  if (d !== undefined && d.isNegative()) {
    addIssue(issues, path, 'negative', `must not be negative, got ${d.toFixed()}`);
    return undefined;
  }
  return d;
}

function readUsage(value: unknown, issues: ValidationIssue[]): Decimal | undefined {
  return value === undefined ? ZERO : collectIssues(issues, () => parseDecimal(value, 'startingUsage'));
}

function readBalances(value: unknown, issues: ValidationIssue[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    addIssue(issues, 'startingBalances', 'invalid_type', 'expected a record of grant id → balance');
    return out;
  }
  for (const [id, amount] of Object.entries(value)) {
    const d = readAmount(amount, `startingBalances.${id}`, issues);
    if (d !== undefined) out.set(id, d);
  }
  return out;
}

function readResets(value: unknown, issues: ValidationIssue[]): ParsedReset[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    addIssue(issues, 'resets', 'invalid_type', 'expected an array of { at, preserveOverage? }');
    return [];
  }
  const out: ParsedReset[] = [];
  value.forEach((reset: unknown, i) => {
    const path = `resets[${i}]`;
    if (typeof reset !== 'object' || reset === null) {
      addIssue(issues, path, 'invalid_type', 'expected { at, preserveOverage? }');
      return;
    }
    const r = reset as Partial<Record<keyof BurnDownReset, unknown>>;
    const at = collectIssues(issues, () => toEpochMs(r.at, `${path}.at`));
    if (r.preserveOverage !== undefined && typeof r.preserveOverage !== 'boolean') {
      addIssue(issues, `${path}.preserveOverage`, 'invalid_type', 'expected a boolean');
    }
    if (at !== undefined) out.push({ at, preserveOverage: r.preserveOverage === true });
  });
  return out;
}

/** Keeps the resets in `(from, to]`, sorted, merging resets at one instant. */
function normalizeResets(resets: readonly ParsedReset[], from: number, to: number): ParsedReset[] {
  const byInstant = new Map<number, boolean>();
  for (const r of resets) {
    if (r.at <= from || r.at > to) continue;
    byInstant.set(r.at, (byInstant.get(r.at) ?? false) || r.preserveOverage);
  }
  return [...byInstant.entries()].sort((a, b) => a[0] - b[0]).map(([at, preserveOverage]) => ({ at, preserveOverage }));
}
