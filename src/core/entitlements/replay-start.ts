/** A stored balance snapshot at a usage-period start, as far as choosing a replay start goes. */
export interface SnapshotCandidate {
  readonly at: Date;
  readonly fingerprint: string;
  readonly balances: Record<string, string>;
  readonly overage: string;
}

/** Where a replay starts: the instant, and the balances there (none: the grants' full amounts). */
export interface ReplayStart {
  readonly fromMs: number;
  readonly starting: { readonly balances: Record<string, string>; readonly overage: string } | undefined;
  /** True when the latest snapshot was computed for another attribution: it and those after it are stale. */
  readonly staleSnapshots: boolean;
}

/**
 * Where a replay of the burn-down up to `toMs` starts: from the latest snapshot before `toMs`
 * when it was computed for the current attribution (`fingerprint`) and lies after the instant
 * usage is measured from; otherwise from that instant (or `toMs`, when earlier), with full balances.
 * @example
 * replayStart(Date.parse('2024-01-01T00:00:00Z'), Date.parse('2024-03-10T00:00:00Z'), marchSnapshot, 'f1');
 * // { fromMs: <2024-03-01>, starting: { balances, overage }, staleSnapshots: false }
 */
export function replayStart(measureFromMs: number, toMs: number, snapshot: SnapshotCandidate | undefined, fingerprint: string): ReplayStart {
  const none: ReplayStart = { fromMs: Math.min(measureFromMs, toMs), starting: undefined, staleSnapshots: false };
  if (toMs <= measureFromMs || snapshot === undefined) return none;
  if (snapshot.fingerprint !== fingerprint) return { ...none, staleSnapshots: true };
  if (snapshot.at.getTime() <= measureFromMs) return none;
  return { fromMs: snapshot.at.getTime(), starting: { balances: snapshot.balances, overage: snapshot.overage }, staleSnapshots: false };
}
