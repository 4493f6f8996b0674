import { notificationsDue } from '../../core/entitlements';
import type { EntitlementRecord, StorageTransaction } from '../../storage';
import { type PendingNotification, emitAll, writeOutbox } from '../notifications/outbox';
import type { ServiceContext } from '../shared/context';
import type { EntitlementEventMap, EntitlementEventName } from './entitlement-events';
import type { EntitlementEvaluator } from './entitlement-evaluator';
import { ID_PREFIX } from '../shared/ids';

/**
 * Fires entitlement notifications: asks core which are due (`notificationsDue`: thresholds
 * reached, grants run out), marks each fired at most once per usage period in storage, writes them
 * to the outbox in the caller's transaction, and emits them in-process once it committed.
 */
export class EntitlementNotifier {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluator: EntitlementEvaluator,
  ) {}

  /**
   * Evaluates one metered entitlement at now (a state that counts the events stamped at now, as a
   * check does) and adds what fires to `into`.
   */
  async evaluate(tx: StorageTransaction, record: EntitlementRecord, nowMs: number, into: PendingNotification[]): Promise<void> {
    if (record.type !== 'metered' || (record.deletedAt !== null && record.deletedAt.getTime() <= nowMs)) return;
    const target = await this.evaluator.target(tx, record);
    const model = await this.evaluator.model(tx, record);
    const state = await this.evaluator.detailedState(tx, model, target, nowMs, nowMs);
    const at = new Date(nowMs);
    const usagePeriodStart = new Date(state.periodStartMs);
    const periodStartBalances = await this.periodStartBalances(tx, model.timeline.measureUsageFrom, record.id, state.periodStartMs);
    const due = notificationsDue({ thresholds: record.thresholds, balance: state.balance, balances: state.balances ?? {}, periodStartBalances });
    let fired = false;
    for (const n of due) {
      if (!(await tx.notifications.markFired(record.id, n.key, state.periodStartMs))) continue;
      fired = true;
      const owner = { entitlementId: record.id, customerId: record.customerId, feature: record.featureKey };
      if (n.kind === 'threshold') {
        const threshold = { type: n.threshold.type, value: String(n.threshold.value) };
        into.push(this.pending('entitlement.threshold', { ...owner, threshold, value: { ...state.balance }, usagePeriodStart, at }));
      } else into.push(this.pending('grant.depleted', { grantId: n.grantId, ...owner, usagePeriodStart, at }));
    }
    const checkpoint = state.checkpoint ?? (await tx.usageCheckpoints.get(record.id));
    if (fired && checkpoint !== undefined && checkpoint.version === record.version) await this.evaluator.refreshNotifyPoint(tx, model, checkpoint);
  }

  /** The balances at the start of the usage period (a grant already empty then did not run out in it). */
  private async periodStartBalances(tx: StorageTransaction, originMs: number, id: string, periodStartMs: number): Promise<Record<string, string> | undefined> {
    if (periodStartMs <= originMs) return undefined;
    const snapshot = await tx.balanceSnapshots.latest(id, periodStartMs);
    return snapshot !== undefined && snapshot.at.getTime() === periodStartMs ? snapshot.balances : undefined;
  }

  /** A notification with its outbox id. */
  pending<K extends EntitlementEventName>(type: K, payload: Omit<EntitlementEventMap[K], 'notificationId'>): PendingNotification<K> {
    return { type, payload: { notificationId: this.ctx.ids(ID_PREFIX.notification), ...payload } as PendingNotification<K>['payload'] };
  }

  /** Writes notifications to the durable outbox (in the transaction of their cause). */
  write(tx: StorageTransaction, pending: readonly PendingNotification[]): Promise<void> {
    return writeOutbox(this.ctx, tx, pending);
  }

  /** Emits notifications in-process (after the commit). */
  emit(pending: readonly PendingNotification[]): void {
    emitAll(this.ctx, pending);
  }
}
