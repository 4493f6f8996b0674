import { catalogStateError } from './errors';
import { type PlanVersionDates, isEverInEffect } from './plan-version-dates';

/**
 * Archiving at `atMs`: each published version still in effect then gets `effectiveTo` = `atMs`
 * (a version scheduled after `atMs` ends where it starts, so it is never in effect). Returns the
 * versions with their new end, in the given order.
 * @throws StateError `not_published` when no published version is in effect at `atMs`.
 * @example
 * archiveVersions('legacy', [v1, v2], Date.parse('2025-06-01T00:00:00Z')); // [{ ...v2, effectiveTo: 2025-06-01 }]
 */
export function archiveVersions<V extends PlanVersionDates>(planRef: string, versions: readonly V[], atMs: number): V[] {
  const open = versions.filter((p) => isEverInEffect(p) && (p.effectiveTo === null || p.effectiveTo.getTime() > atMs));
  if (open.length === 0) throw catalogStateError(`Plan ${planRef} has no published version in effect at ${new Date(atMs).toISOString()}`, 'not_published');
  return open.map((p) => ({ ...p, effectiveTo: new Date(Math.max(atMs, p.effectiveFrom!.getTime())) }));
}
