import type { ParsedGrant } from './grant';

/**
 * Compares two grants in burn order (docs/semantics.md D7): priority ascending (1 first), then the earliest
 * expiry (a grant without expiry last), then the earliest `effectiveAt`, then `id` (code-unit order).
 * A void does not change a grant's place. Negative when `a` burns first.
 * @example
 * [g3, g1, g2].sort(compareBurnOrder);
 */
export function compareBurnOrder(a: ParsedGrant, b: ParsedGrant): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const ax = a.expiresAt ?? Infinity;
  const bx = b.expiresAt ?? Infinity;
  if (ax !== bx) return ax < bx ? -1 : 1;
  if (a.effectiveAt !== b.effectiveAt) return a.effectiveAt - b.effectiveAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * A copy of `grants` sorted in burn order ({@link compareBurnOrder}). The order depends only on
 * fixed attributes, so one sort serves a whole run; the grants active at an instant are a
 * subsequence of it.
 * @example
 * sortByBurnOrder(parseGrants(input)).map((g) => g.id);
 */
export function sortByBurnOrder(grants: readonly ParsedGrant[]): ParsedGrant[] {
  return [...grants].sort(compareBurnOrder);
}
