import { parseDecimal } from '../money';
import type { MeteredBalance } from './entitlement-value';
import { type Threshold, isThresholdReached, thresholdKey } from './thresholds';

/** A notification an entitlement's state calls for, with its once-per-usage-period key. */
export type DueNotification =
  | { readonly kind: 'threshold'; readonly key: string; readonly threshold: Threshold }
  | { readonly kind: 'grant_depleted'; readonly key: string; readonly grantId: string };

/** What deciding an entitlement's notifications looks at. */
export interface NotificationsDueInput {
  readonly thresholds: readonly Threshold[];
  /** The metered figures now. */
  readonly balance: MeteredBalance;
  /** Each active grant's balance now. */
  readonly balances: Readonly<Record<string, string>>;
  /** Each grant's balance at the start of the usage period, when known. */
  readonly periodStartBalances: Readonly<Record<string, string>> | undefined;
}

/**
 * The notifications an entitlement's state calls for, thresholds first: each threshold reached,
 * and each grant whose balance is zero now but was not zero when the usage period started (a
 * grant already empty then did not run out in this period). The caller fires each key at most
 * once per usage period (the outbox records which fired).
 * @example
 * notificationsDue({ thresholds: [{ type: 'usage', value: 100 }], balance, balances: { g1: '0' }, periodStartBalances: undefined });
 * // [{ kind: 'threshold', key: 'threshold:usage:100', ... }, { kind: 'grant_depleted', key: 'grant:g1', grantId: 'g1' }]
 */
export function notificationsDue(input: NotificationsDueInput): DueNotification[] {
  const due: DueNotification[] = [];
  for (const threshold of input.thresholds) {
    if (isThresholdReached(threshold, input.balance)) due.push({ kind: 'threshold', key: `threshold:${thresholdKey(threshold)}`, threshold });
  }
  for (const [grantId, balance] of Object.entries(input.balances)) {
    if (!parseDecimal(balance, 'balance').isZero()) continue;
    const started = input.periodStartBalances?.[grantId];
    if (started !== undefined && parseDecimal(started, 'balance').isZero()) continue;
    due.push({ kind: 'grant_depleted', key: `grant:${grantId}`, grantId });
  }
  return due;
}
