import type { ValidationIssue } from '../../errors';
import { ZERO, parseDecimal, type Decimal } from '../money';
import type { Instant } from '../time';
import { Recurrence, parseIntervalCached, toEpochMs } from '../time/internal';
import { addIssue, collectIssues, throwIfAny } from './collect-issues';
import type { NumericInput } from './numeric';

/** The lowest (first burnt) and highest grant priorities. */
export const MIN_GRANT_PRIORITY = 1;
/** The highest grant priority (burnt last). */
export const MAX_GRANT_PRIORITY = 255;

/** A grant's recurrence: it is refilled to its amount at `anchor + k × interval` (UTC calendar). */
export interface GrantRecurrenceInput {
  /** A non-zero ISO-8601 duration, e.g. `P1M`. */
  interval: string;
  /** Boundary 0 of the recurrence. Default: the grant's `effectiveAt`. */
  anchor?: Instant | undefined;
}

/**
 * A grant as the burn-down engine takes it: an allowance of `amount` units of a metered feature,
 * usable from `effectiveAt` until it expires or is voided.
 */
export interface GrantInput {
  /** Unique among the grants of one run; the last tie-breaker of the burn order. */
  id: string;
  /** The allowance, a decimal ≥ 0. */
  amount: NumericInput;
  /** 1 (burnt first) to 255. Default 1. */
  priority?: number | undefined;
  /** The instant from which the grant counts (inclusive). */
  effectiveAt: Instant;
  /** The instant from which the grant no longer counts (exclusive); not before `effectiveAt`. */
  expiresAt?: Instant | null | undefined;
  /** The instant the grant was voided: it no longer counts from then on. */
  voidedAt?: Instant | null | undefined;
  /** At a reset the grant keeps at least this much (capped by `maxRolloverAmount`). Default 0. */
  minRolloverAmount?: NumericInput | undefined;
  /** At a reset the grant keeps at most this much. Default: `amount`. */
  maxRolloverAmount?: NumericInput | undefined;
  /** Refills the grant to its amount at each recurrence instant. */
  recurrence?: GrantRecurrenceInput | null | undefined;
}

/** A grant's recurrence, read. @internal */
export interface ParsedRecurrence {
  /** The interval as given. */
  readonly interval: string;
  /** Boundary 0, epoch ms. */
  readonly anchor: number;
  /** The boundaries, computed from the anchor (UTC). */
  readonly series: Recurrence;
}

/** A validated grant, times in epoch milliseconds and amounts as decimals. */
export interface ParsedGrant {
  readonly id: string;
  readonly amount: Decimal;
  readonly priority: number;
  /** Epoch ms from which the grant counts. */
  readonly effectiveAt: number;
  /** Epoch ms of the expiry, or `null`. */
  readonly expiresAt: number | null;
  /** Epoch ms of the void, or `null`. */
  readonly voidedAt: number | null;
  /** First instant at which the grant no longer counts: min(expiresAt, voidedAt), or `Infinity`. */
  readonly activeUntil: number;
  readonly minRolloverAmount: Decimal;
  readonly maxRolloverAmount: Decimal;
  readonly recurrence: ParsedRecurrence | null;
}

/**
 * True when the grant counts at instant `ms`: effective at or before it, and neither expired nor
 * voided at or before it (a grant expiring at `t` does not count at `t`).
 * @example
 * isGrantActiveAt(grant, grant.effectiveAt); // true
 * isGrantActiveAt(grant, grant.activeUntil); // false
 */
export function isGrantActiveAt(grant: ParsedGrant, ms: number): boolean {
  return grant.effectiveAt <= ms && ms < grant.activeUntil;
}

/**
 * Validates and reads a list of grants. Every problem of every grant is collected and thrown as one
 * {@link ValidationError} (nothing is returned half-read): a missing or duplicate `id`, an amount
 * that is not a decimal or is negative, a priority outside 1–255, an instant that is not ISO-8601,
 * `expiresAt` before `effectiveAt`, negative rollover amounts, `minRolloverAmount` above
 * `maxRolloverAmount` (whose default is the amount), a zero or malformed recurrence interval.
 *
 * @param grants - the grants (untrusted input).
 * @param path - where the list sits in the caller's input (default `grants`); issues are reported
 *   as `grants[2].priority`.
 * @throws ValidationError listing every problem.
 * @example
 * parseGrants([{ id: 'g1', amount: '100', effectiveAt: '2024-01-01T00:00:00Z' }]);
 * // [{ id: 'g1', amount: Decimal(100), priority: 1, effectiveAt: 1704067200000, ... }]
 * parseGrants([{ id: 'g1', amount: -1, priority: 0, effectiveAt: '2024-01-01' }]);
 * // throws ValidationError: grants[0].amount (negative), grants[0].priority (out_of_range)
 */
export function parseGrants(grants: readonly GrantInput[], path = 'grants'): ParsedGrant[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(grants)) {
    addIssue(issues, path, 'invalid_type', 'expected an array of grants');
    throwIfAny(issues);
  }
  const seen = new Set<string>();
  const out: ParsedGrant[] = [];
  grants.forEach((grant, index) => {
    const parsed = readGrant(grant, `${path}[${index}]`, issues, seen);
    if (parsed !== undefined) out.push(parsed);
  });
  throwIfAny(issues);
  return out;
}

function readGrant(input: unknown, path: string, issues: ValidationIssue[], seen: Set<string>): ParsedGrant | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    addIssue(issues, path, 'invalid_type', 'expected a grant object');
    return undefined;
  }
  const g = input as Partial<Record<keyof GrantInput, unknown>>;
  const before = issues.length;
  const id = readId(g.id, `${path}.id`, issues, seen);
  const amount = readNonNegative(g.amount, `${path}.amount`, issues);
  const priority = readPriority(g.priority, `${path}.priority`, issues);
  const effectiveAt = collectIssues(issues, () => toEpochMs(g.effectiveAt, `${path}.effectiveAt`));
  const expiresAt = readOptionalInstant(g.expiresAt, `${path}.expiresAt`, issues);
  const voidedAt = readOptionalInstant(g.voidedAt, `${path}.voidedAt`, issues);
  if (effectiveAt !== undefined && typeof expiresAt === 'number' && expiresAt < effectiveAt) {
    addIssue(issues, `${path}.expiresAt`, 'expires_before_effective', 'the grant expires before it becomes effective');
  }
  const min = g.minRolloverAmount === undefined ? undefined : readNonNegative(g.minRolloverAmount, `${path}.minRolloverAmount`, issues);
  const max = g.maxRolloverAmount === undefined ? amount : readNonNegative(g.maxRolloverAmount, `${path}.maxRolloverAmount`, issues);
  if (min !== undefined && max !== undefined && min.gt(max)) {
    addIssue(issues, `${path}.minRolloverAmount`, 'min_above_max', `minRolloverAmount ${min.toFixed()} is above maxRolloverAmount ${max.toFixed()}`);
  }
  const recurrence = readRecurrence(g.recurrence, effectiveAt, `${path}.recurrence`, issues);
  if (issues.length > before || id === undefined || amount === undefined || effectiveAt === undefined || max === undefined) return undefined;
  if (expiresAt === undefined || voidedAt === undefined || recurrence === undefined) return undefined;
  return {
    id,
    amount,
    priority,
    effectiveAt,
    expiresAt,
    voidedAt,
    activeUntil: Math.min(expiresAt ?? Infinity, voidedAt ?? Infinity),
    minRolloverAmount: min ?? ZERO,
    maxRolloverAmount: max,
    recurrence,
  };
}

function readId(value: unknown, path: string, issues: ValidationIssue[], seen: Set<string>): string | undefined {
  if (typeof value !== 'string' || value === '') {
    addIssue(issues, path, 'invalid_type', 'expected a non-empty string');
    return undefined;
  }
  if (seen.has(value)) {
    addIssue(issues, path, 'duplicate', `another grant already has the id "${value}"`);
    return undefined;
  }
  seen.add(value);
  return value;
}

function readNonNegative(value: unknown, path: string, issues: ValidationIssue[]): Decimal | undefined {
  const d = collectIssues(issues, () => parseDecimal(value, path));
  if (d === undefined) return undefined;
  if (d.isNegative()) {
    addIssue(issues, path, 'negative', `must not be negative, got ${d.toFixed()}`);
    return undefined;
  }
  return d;
}

function readPriority(value: unknown, path: string, issues: ValidationIssue[]): number {
  if (value === undefined) return MIN_GRANT_PRIORITY;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_GRANT_PRIORITY || value > MAX_GRANT_PRIORITY) {
    addIssue(issues, path, 'out_of_range', `must be an integer from ${MIN_GRANT_PRIORITY} to ${MAX_GRANT_PRIORITY}, got ${String(value)}`);
    return MIN_GRANT_PRIORITY;
  }
  return value;
}

/** `null` for absent, the epoch ms, or `undefined` when invalid (issue recorded). */
function readOptionalInstant(value: unknown, path: string, issues: ValidationIssue[]): number | null | undefined {
  if (value === undefined || value === null) return null;
  return collectIssues(issues, () => toEpochMs(value, path));
}

/** `null` for no recurrence, the recurrence, or `undefined` when invalid (issue recorded). */
function readRecurrence(
  value: unknown,
  effectiveAt: number | undefined,
  path: string,
  issues: ValidationIssue[],
): ParsedRecurrence | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    addIssue(issues, path, 'invalid_type', 'expected { interval, anchor? }');
    return undefined;
  }
  const r = value as Partial<Record<keyof GrantRecurrenceInput, unknown>>;
  const duration = collectIssues(issues, () => parseIntervalCached(r.interval, `${path}.interval`));
  const anchor = r.anchor === undefined ? effectiveAt : collectIssues(issues, () => toEpochMs(r.anchor, `${path}.anchor`));
  if (duration === undefined || anchor === undefined) return undefined;
  return { interval: r.interval as string, anchor, series: new Recurrence(anchor, duration, 'UTC') };
}
