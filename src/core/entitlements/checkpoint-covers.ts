/** What a usage checkpoint records about the state it was computed for. */
export interface CheckpointBounds {
  /** The entitlement version it was computed at. */
  readonly version: number;
  /** The attribution (customer subjects) it was computed for. */
  readonly fingerprint: string;
  /** Start of the burn-down segment it holds the state of. */
  readonly segmentStartMs: number;
  /** Every event its tail counts is stamped before this instant. */
  readonly tailBoundMs: number;
  /** Its tail leaves out the events stamped from this instant on (future-stamped usage); null for none. */
  readonly pendingFromMs: number | null;
}

/** The entitlement as it is now, against which a checkpoint is judged. */
export interface CheckpointSubject {
  readonly version: number;
  readonly fingerprint: string;
}

/**
 * True when a checkpoint gives the exact state at `atMs` with no usage read: computed for the
 * entitlement's current version and attribution, for the segment that contains `atMs` (from its
 * start up to, not including, the next instant the burn-down changes course), with a tail that
 * holds no event stamped after `atMs` (events stamped at `atMs` count: a check is inclusive) and
 * leaves none out up to `atMs` (`atMs` before its pending usage). `nextChangeMs` is asked only when
 * everything else holds.
 * @example
 * checkpointCovers(k, { version: 3, fingerprint: 'f' }, Date.parse('2024-01-10T00:00:00Z'), () => Date.parse('2024-02-01T00:00:00Z'));
 */
export function checkpointCovers(k: CheckpointBounds, now: CheckpointSubject, atMs: number, nextChangeMs: () => number): boolean {
  if (k.version !== now.version || k.fingerprint !== now.fingerprint) return false;
  if (atMs < k.segmentStartMs || k.tailBoundMs > atMs + 1) return false;
  if (k.pendingFromMs !== null && atMs >= k.pendingFromMs) return false;
  return atMs < nextChangeMs();
}
