/** What names a subscription line (BL8): its subscription, phase, item, version and period. */
export interface LineKeyParts {
  subscriptionId: string;
  phase: string;
  item: string;
  /** The item version, from 0. */
  version: number;
  /** The period index from the version start; absent for a one-time item (no `/p`). */
  periodIndex?: number | undefined;
  /** A progressive part (PB2): appends `/s{n}`. */
  part?: number | undefined;
  /** A late-usage adjustment (LT1): appends `/adj{n}`. */
  adjustment?: number | undefined;
}

/**
 * A line's stable key (BILLING.md BL8): `{subscriptionId}/{phase}/{item}/v{version}/p{periodIndex}`,
 * without `/p` for a one-time item, then `/s{n}` for a progressive part or `/adj{n}` for a late-usage
 * adjustment (n from 0, like v and p). A key is billed once: the run subtracts billed keys.
 * @example
 * lineKey({ subscriptionId: 'sub_1', phase: 'default', item: 'api', version: 0, periodIndex: 3 }); // 'sub_1/default/api/v0/p3'
 * lineKey({ subscriptionId: 'sub_1', phase: 'default', item: 'setup', version: 0 });             // 'sub_1/default/setup/v0'
 */
export function lineKey(parts: LineKeyParts): string {
  let key = `${parts.subscriptionId}/${parts.phase}/${parts.item}/v${parts.version}`;
  if (parts.periodIndex !== undefined) key += `/p${parts.periodIndex}`;
  if (parts.part !== undefined) key += `/s${parts.part}`;
  if (parts.adjustment !== undefined) key += `/adj${parts.adjustment}`;
  return key;
}

/**
 * The key of a manual pending item's line (BL8): `item/{pendingItemId}`.
 * @example
 * manualLineKey('pi_01'); // 'item/pi_01'
 */
export function manualLineKey(pendingItemId: string): string {
  return `item/${pendingItemId}`;
}
