import type { EntitlementLifetime } from './entitlement-lifetime';

/**
 * True when the entitlement gives access at `atMs`: not deleted by then, and inside
 * `[activeFrom, activeTo)` (an open bound is no bound).
 * @example
 * isActiveAt({ createdAt, deletedAt: null, activeFrom: null, activeTo: new Date('2024-02-01T00:00:00Z') },
 *   Date.parse('2024-02-01T00:00:00Z')); // false: activeTo is exclusive
 */
export function isActiveAt(e: EntitlementLifetime, atMs: number): boolean {
  if (e.deletedAt !== null && atMs >= e.deletedAt.getTime()) return false;
  if (e.activeFrom !== null && atMs < e.activeFrom.getTime()) return false;
  return e.activeTo === null || atMs < e.activeTo.getTime();
}
