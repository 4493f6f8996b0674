import { isActiveAt } from './is-active-at';
import type { EntitlementLifetime } from './entitlement-lifetime';

/**
 * The entitlement of one customer and feature that applies at `atMs`, among all it ever had: the
 * one active at that instant, counting one without `activeFrom` from its creation (the latest
 * created, should several be); else, of those not deleted
 * at that instant, the latest created at or before it (else the earliest created after it); when
 * every one was deleted by then, the one deleted last (it reports `inactive`). `undefined` for
 * none. A subscription change ends one entitlement and starts the next at one instant, and a
 * scheduled one is created before it starts, so activity decides before creation order.
 * @example
 * entitlementAt([deletedInJanuary, createdInFebruary], Date.parse('2024-03-01T00:00:00Z')); // createdInFebruary
 */
export function entitlementAt<E extends EntitlementLifetime>(records: readonly E[], atMs: number): E | undefined {
  if (records.length === 1) return records[0];
  let active: E | undefined;
  for (const e of records) {
    // one without activeFrom starts at its creation, so a later-created one never wins a historical check
    const started = (e.activeFrom ?? e.createdAt).getTime() <= atMs;
    if (started && isActiveAt(e, atMs) && (active === undefined || e.createdAt.getTime() >= active.createdAt.getTime())) active = e;
  }
  if (active !== undefined) return active;
  let before: E | undefined;
  let after: E | undefined;
  let deleted: E | undefined;
  for (const e of records) {
    if (e.deletedAt !== null && atMs >= e.deletedAt.getTime()) {
      if (deleted === undefined || e.deletedAt.getTime() >= deleted.deletedAt!.getTime()) deleted = e;
      continue;
    }
    const created = e.createdAt.getTime();
    if (created <= atMs) {
      if (before === undefined || created >= before.createdAt.getTime()) before = e;
    } else if (after === undefined || created < after.createdAt.getTime()) after = e;
  }
  return before ?? after ?? deleted;
}
