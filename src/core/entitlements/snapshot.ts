import type { Instant } from '../time';
import { toEpochMs } from '../time/internal';
import { burnDown } from './burn-down';
import type { BurnDownInput } from './burn-down-input';
import type { BurnDownResult, BurnDownSnapshot } from './burn-down-result';
import type { NumericInput } from './numeric';

/**
 * A stored state to start a run from. A snapshot taken at a usage-period start needs only `at`,
 * `balances` and `overage` (its period starts at `at`, with no usage yet); one taken anywhere else
 * also needs `periodStart`, `usage` and `grantUsage`, as {@link snapshotOf} writes them.
 */
export interface BurnDownSnapshotInput {
  at: Instant;
  balances: Readonly<Record<string, NumericInput>>;
  overage?: NumericInput | undefined;
  /** Default: `at`. */
  periodStart?: Instant | undefined;
  /** Default 0. */
  usage?: NumericInput | undefined;
  /** Default 0. */
  grantUsage?: NumericInput | undefined;
}

/** {@link BurnDownInput} without what a snapshot supplies. */
export type BurnDownFromSnapshotInput = Omit<
  BurnDownInput,
  'from' | 'startingBalances' | 'startingOverage' | 'startingUsage' | 'startingGrantUsage' | 'periodStart'
>;

/**
 * The state at the end of a run, as a snapshot to store and continue from.
 * @example
 * const snap = snapshotOf(burnDown({ grants, usage, from, to: periodStart }));
 */
export function snapshotOf(result: BurnDownResult): BurnDownSnapshot {
  return {
    at: result.to,
    periodStart: result.periodStart,
    balances: { ...result.balances },
    overage: result.overage,
    usage: result.usage,
    grantUsage: result.grantUsage,
  };
}

/**
 * The state at instant `at`: {@link burnDown} of `input` up to `at`, as a snapshot.
 * @example
 * snapshotAt({ grants, usage, from: '2024-01-01T00:00:00Z', to: '2024-03-01T00:00:00Z' }, '2024-02-01T00:00:00Z');
 */
export function snapshotAt(input: BurnDownInput, at: Instant): BurnDownSnapshot {
  return snapshotOf(burnDown({ ...input, to: at }));
}

/**
 * Continues a run from a stored snapshot: the same result as the run from the beginning, having
 * replayed only `[snapshot.at, to)`.
 * @example
 * burnDownFromSnapshot(lastPeriodStartSnapshot, { grants, usage, to: now, resets });
 */
export function burnDownFromSnapshot(snapshot: BurnDownSnapshotInput, input: BurnDownFromSnapshotInput): BurnDownResult {
  return burnDown({
    ...input,
    from: snapshot.at,
    startingBalances: snapshot.balances,
    startingOverage: snapshot.overage,
    startingUsage: snapshot.usage,
    startingGrantUsage: snapshot.grantUsage,
    periodStart: snapshot.periodStart,
  });
}

/**
 * The newest snapshot taken at or before `at`, or `undefined`.
 * @example
 * latestSnapshot(stored, '2024-03-15T00:00:00Z'); // the one of 2024-03-01
 */
export function latestSnapshot<S extends { at: Instant }>(snapshots: readonly S[], at: Instant): S | undefined {
  const limit = toEpochMs(at, 'at');
  let best: S | undefined;
  let bestMs = -Infinity;
  for (const snapshot of snapshots) {
    const ms = toEpochMs(snapshot.at, 'at');
    if (ms <= limit && ms >= bestMs) {
      best = snapshot;
      bestMs = ms;
    }
  }
  return best;
}
