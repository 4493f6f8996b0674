import { ValidationError, type ValidationIssue } from '../../errors';
import type { Instant, Period } from '../time';
import { Recurrence, ensureZone, parseIntervalCached, toEpochMs } from '../time/internal';
import { addIssue, collectIssues, throwIfAny } from './collect-issues';

/** The most resets {@link UsagePeriodTimeline.resetsBetween} lists before it throws `too_many_resets`. */
export const MAX_RESETS = 1_000_000;

/** A manual reset of an entitlement's usage. */
export interface ManualResetInput {
  /** The reset instant. */
  at: Instant;
  /** `true` keeps the old period grid; `false` (default) re-anchors the grid at `at` (to the ms). */
  retainAnchor?: boolean | undefined;
  /** Default: the entitlement's `preserveOverageAtReset`. */
  preserveOverage?: boolean | undefined;
}

/** What defines an entitlement's usage periods and resets. */
export interface UsagePeriodTimelineInput {
  /** Boundary 0 of the period grid. */
  anchor: Instant;
  /** A non-zero ISO-8601 duration, e.g. `P1M`. */
  interval: string;
  /** IANA zone of the grid's calendar. Default UTC. */
  timeZone?: string | undefined;
  /** Usage before this instant is not counted, and no reset happens at or before it. Default: `anchor`. */
  measureUsageFrom?: Instant | undefined;
  /** Whether automatic resets (and manual ones that do not say) preserve the overage. Default false. */
  preserveOverageAtReset?: boolean | undefined;
  /** The manual resets, in any order, at most one per instant. */
  resets?: readonly ManualResetInput[] | undefined;
}

/** A reset of the usage: a period boundary or a manual reset (one per instant). */
export interface UsageReset {
  at: Date;
  preserveOverage: boolean;
  /** True when a manual reset happens at this instant (possibly on a period boundary too). */
  manual: boolean;
}

interface Grid {
  /** From when the grid applies (the re-anchoring reset), `-Infinity` for the original grid. */
  readonly start: number;
  readonly series: Recurrence;
}

interface ManualReset {
  readonly at: number;
  readonly retainAnchor: boolean;
  readonly preserveOverage: boolean;
}

/**
 * An entitlement's usage periods and resets, computed on read (no job is needed): the period grid
 * `anchor + k × interval`, re-anchored at each manual reset with `retainAnchor: false`; automatic
 * resets at every boundary of the grid in effect after `measureUsageFrom`; and the manual resets.
 * Pure and immutable.
 * @example
 * const timeline = new UsagePeriodTimeline({ anchor: '2024-01-31T00:00:00Z', interval: 'P1M' });
 * timeline.periodAt('2024-03-15T00:00:00Z'); // { from: 2024-02-29, to: 2024-03-31 }
 * timeline.resetsBetween('2024-01-31T00:00:00Z', '2024-04-30T00:00:00Z').map((r) => r.at);
 * // [2024-02-29, 2024-03-31, 2024-04-30]
 */
export class UsagePeriodTimeline {
  /** Epoch ms before which usage is not counted. */
  readonly measureUsageFrom: number;
  private readonly grids: readonly Grid[];
  private readonly manual: readonly ManualReset[];
  private readonly preserveOverage: boolean;

  /** @throws ValidationError listing every problem of `input` (paths `anchor`, `interval`, `resets[1].at`...). */
  constructor(input: UsagePeriodTimelineInput) {
    const issues: ValidationIssue[] = [];
    const anchor = collectIssues(issues, () => toEpochMs(input.anchor, 'anchor'));
    const interval = collectIssues(issues, () => parseIntervalCached(input.interval, 'interval'));
    const zone = input.timeZone === undefined ? 'UTC' : collectIssues(issues, () => ensureZone(input.timeZone, 'timeZone'));
    const measure = input.measureUsageFrom === undefined ? anchor : collectIssues(issues, () => toEpochMs(input.measureUsageFrom, 'measureUsageFrom'));
    if (input.preserveOverageAtReset !== undefined && typeof input.preserveOverageAtReset !== 'boolean') {
      addIssue(issues, 'preserveOverageAtReset', 'invalid_type', 'expected a boolean');
    }
    this.preserveOverage = input.preserveOverageAtReset === true;
    const manual = readManualResets(input.resets, this.preserveOverage, issues);
    throwIfAny(issues);
    if (anchor === undefined || interval === undefined || zone === undefined || measure === undefined) throw new Error('unreachable');
    this.measureUsageFrom = measure;
    this.manual = manual;
    this.grids = [
      { start: -Infinity, series: new Recurrence(anchor, interval, zone) },
      ...manual.filter((r) => !r.retainAnchor).map((r) => ({ start: r.at, series: new Recurrence(r.at, interval, zone) })),
    ];
  }

  /**
   * The usage period that contains `at`: the period `[b_k, b_k+1)` of the grid in effect at `at`
   * (a boundary belongs to the later period), cut short where a later manual reset re-anchors the
   * grid. A manual reset with `retainAnchor: true` does not change it (usage still restarts there;
   * see {@link measurementStartAt}).
   * @example
   * timeline.periodAt('2024-02-29T00:00:00Z'); // { from: 2024-02-29, to: 2024-03-31 }
   */
  periodAt(at: Instant): Period {
    const ms = toEpochMs(at, 'at');
    const i = this.gridIndexAt(ms);
    const grid = this.grids[i] as Grid;
    const k = grid.series.indexAt(ms);
    const next = this.grids[i + 1]?.start ?? Infinity;
    return { from: new Date(grid.series.boundary(k)), to: new Date(Math.min(grid.series.boundary(k + 1), next)) };
  }

  /**
   * Every reset in `(from, to]`, in order, one per instant: the boundaries of the grid in effect
   * and the manual resets, none at or before `measureUsageFrom`. A manual reset on a boundary is
   * reported once, with the manual reset's `preserveOverage`.
   * @throws ValidationError `invalid_range` when `from` is after `to`, `too_many_resets` beyond {@link MAX_RESETS}.
   * @example
   * timeline.resetsBetween('2024-01-01T00:00:00Z', '2024-03-01T00:00:00Z');
   * // [{ at: 2024-02-01, preserveOverage: false, manual: false }, { at: 2024-03-01, ... }]
   */
  resetsBetween(from: Instant, to: Instant): UsageReset[] {
    const fromMs = toEpochMs(from, 'from');
    const toMs = toEpochMs(to, 'to');
    if (fromMs > toMs) throw ValidationError.single('to', 'invalid_range', '`to` is before `from`');
    const lo = Math.max(fromMs, this.measureUsageFrom);
    const found = new Map<number, UsageReset>();
    for (const r of this.manual) {
      if (r.at > lo && r.at <= toMs) found.set(r.at, { at: new Date(r.at), preserveOverage: r.preserveOverage, manual: true });
    }
    this.grids.forEach((grid, i) => {
      const next = this.grids[i + 1]?.start ?? Infinity;
      for (const at of gridBoundaries(grid, Math.max(lo, grid.start), Math.min(toMs, next - 1))) {
        if (!found.has(at)) found.set(at, { at: new Date(at), preserveOverage: this.preserveOverage, manual: false });
      }
    });
    return [...found.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /**
   * The latest reset at or before `at` (after `measureUsageFrom`), or `null` when none happened.
   * @example
   * timeline.lastResetAt('2024-03-15T00:00:00Z'); // { at: 2024-03-01, ... }
   */
  lastResetAt(at: Instant): UsageReset | null {
    const ms = toEpochMs(at, 'at');
    const grid = this.grids[this.gridIndexAt(ms)] as Grid;
    const boundary = grid.series.boundary(grid.series.indexAt(ms));
    const automatic = boundary > grid.start && boundary > this.measureUsageFrom ? boundary : -Infinity;
    let manual: ManualReset | undefined;
    for (const r of this.manual) if (r.at <= ms && r.at > this.measureUsageFrom) manual = r;
    if (manual !== undefined && manual.at >= automatic) {
      return { at: new Date(manual.at), preserveOverage: manual.preserveOverage, manual: true };
    }
    return automatic === -Infinity ? null : { at: new Date(automatic), preserveOverage: this.preserveOverage, manual: false };
  }

  /**
   * The first reset strictly after `at` (and after `measureUsageFrom`).
   * @example
   * timeline.nextResetAfter('2024-03-01T00:00:00Z'); // { at: 2024-04-01, ... }
   */
  nextResetAfter(at: Instant): UsageReset {
    const lo = Math.max(toEpochMs(at, 'at'), this.measureUsageFrom);
    const i = this.gridIndexAt(lo);
    const grid = this.grids[i] as Grid;
    const next = this.grids[i + 1]?.start ?? Infinity;
    const boundary = grid.series.boundary(grid.series.indexAt(lo) + 1);
    const automatic = boundary < next ? boundary : Infinity;
    const manual = this.manual.find((r) => r.at > lo);
    if (manual !== undefined && manual.at <= automatic) {
      return { at: new Date(manual.at), preserveOverage: manual.preserveOverage, manual: true };
    }
    return { at: new Date(automatic), preserveOverage: this.preserveOverage, manual: false };
  }

  /**
   * Where the usage counted at `at` starts: the latest reset at or before `at`, or
   * `measureUsageFrom` when none happened (also when `at` is before it).
   * @example
   * timeline.measurementStartAt('2024-03-15T00:00:00Z'); // 2024-03-01
   */
  measurementStartAt(at: Instant): Date {
    const last = this.lastResetAt(at);
    return last === null ? new Date(this.measureUsageFrom) : last.at;
  }

  private gridIndexAt(ms: number): number {
    let i = 0;
    while (i + 1 < this.grids.length && (this.grids[i + 1] as Grid).start <= ms) i += 1;
    return i;
  }
}

/** The boundaries of `grid` in `(lo, hi]`. */
function gridBoundaries(grid: Grid, lo: number, hi: number): number[] {
  if (!(hi > lo)) return [];
  const first = grid.series.indexAt(lo) + 1;
  const count = grid.series.indexAt(hi) - first + 1;
  if (count > MAX_RESETS) {
    throw ValidationError.single('to', 'too_many_resets', `the range holds ${count} resets, more than the limit of ${MAX_RESETS}`);
  }
  const out: number[] = [];
  for (let k = first; k < first + count; k += 1) out.push(grid.series.boundary(k));
  return out;
}

function readManualResets(value: unknown, preserveByDefault: boolean, issues: ValidationIssue[]): ManualReset[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    addIssue(issues, 'resets', 'invalid_type', 'expected an array of { at, retainAnchor?, preserveOverage? }');
    return [];
  }
  const seen = new Set<number>();
  const out: ManualReset[] = [];
  value.forEach((reset: unknown, i) => {
    const path = `resets[${i}]`;
    if (typeof reset !== 'object' || reset === null) {
      addIssue(issues, path, 'invalid_type', 'expected { at, retainAnchor?, preserveOverage? }');
      return;
    }
    const r = reset as Partial<Record<keyof ManualResetInput, unknown>>;
    const at = collectIssues(issues, () => toEpochMs(r.at, `${path}.at`));
    for (const flag of ['retainAnchor', 'preserveOverage'] as const) {
      if (r[flag] !== undefined && typeof r[flag] !== 'boolean') addIssue(issues, `${path}.${flag}`, 'invalid_type', 'expected a boolean');
    }
    if (at === undefined) return;
    if (seen.has(at)) {
      addIssue(issues, `${path}.at`, 'duplicate', 'another manual reset happens at the same instant');
      return;
    }
    seen.add(at);
    const preserveOverage = typeof r.preserveOverage === 'boolean' ? r.preserveOverage : preserveByDefault;
    out.push({ at, retainAnchor: r.retainAnchor === true, preserveOverage });
  });
  return out.sort((a, b) => a.at - b.at);
}
