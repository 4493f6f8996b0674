import type { EntitlementLifetime } from './entitlement-lifetime';

/** When an entitlement gives access: `[from, to)`, `to` null while open-ended. */
export interface EntitlementSpan {
  from: Date;
  to: Date | null;
}

/**
 * The span an entitlement covers a feature over, for the rule that no two of a customer's
 * entitlements cover a feature at overlapping times (BILLING.md SB14): from `activeFrom` (else its
 * creation) to the earlier of `activeTo` and its deletion.
 * @example
 * entitlementSpan({ createdAt: jan5, deletedAt: null, activeFrom: null, activeTo: feb1 }); // [Jan 5, Feb 1)
 */
export function entitlementSpan(e: EntitlementLifetime): EntitlementSpan {
  const from = e.activeFrom ?? e.createdAt;
  const ends = [e.activeTo, e.deletedAt].filter((d): d is Date => d !== null);
  const to = ends.length === 0 ? null : new Date(Math.min(...ends.map((d) => d.getTime())));
  return { from, to };
}

const endOf = (s: EntitlementSpan): number => (s.to === null ? Infinity : s.to.getTime());

/**
 * True when two spans share an instant; an empty span (to ≤ from) overlaps nothing, and `[a, t)`
 * and `[t, b)` do not overlap, so an entitlement ending at t and its successor starting at t coexist.
 * @example
 * spansOverlap({ from: jan1, to: jan16 }, { from: jan16, to: null }); // false
 */
export function spansOverlap(a: EntitlementSpan, b: EntitlementSpan): boolean {
  const [aFrom, bFrom] = [a.from.getTime(), b.from.getTime()];
  return aFrom < endOf(a) && bFrom < endOf(b) && aFrom < endOf(b) && bFrom < endOf(a);
}
