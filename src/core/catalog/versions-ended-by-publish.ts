import { catalogStateError } from './errors';
import { type PlanVersionDates, isEverInEffect } from './plan-version-dates';

/**
 * Publishing a version effective from `fromMs`: the published versions of the same plan still in
 * effect at that instant end there (their `effectiveTo` becomes `fromMs`); these are returned. A
 * published version that starts at or after `fromMs` is refused (archive it first); one archived
 * before it started is never in effect and is left alone.
 * @throws StateError `overlapping_version`.
 * @example
 * versionsEndedByPublish('pro', [v1], Date.parse('2025-01-01T00:00:00Z')); // [v1]: it ends where v2 starts
 */
export function versionsEndedByPublish<V extends PlanVersionDates>(planKey: string, versions: readonly V[], fromMs: number): V[] {
  const ended: V[] = [];
  for (const other of versions) {
    if (!isEverInEffect(other) || (other.effectiveTo !== null && other.effectiveTo.getTime() <= fromMs)) continue;
    if (other.effectiveFrom!.getTime() >= fromMs) {
      throw catalogStateError(`Version ${other.version} of plan ${planKey} starts at or after ${new Date(fromMs).toISOString()}: archive it first`, 'overlapping_version');
    }
    ended.push(other);
  }
  return ended;
}
