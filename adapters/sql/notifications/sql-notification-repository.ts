import type { NotificationRecord, NotificationRepository } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor } from '../sql-executor';
import { fromMillis, fromNullableMillis, toMillis } from '../sql-values';

/** The notification outbox and fired notifications in either SQL dialect. */
export class SqlNotificationRepository implements NotificationRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async append(notifications: readonly NotificationRecord[]): Promise<void> {
    for (const n of notifications) {
      await this.sql.query('INSERT INTO tg_notifications (id, type, payload, created_at, acked_at) VALUES ($1, $2, $3, $4, $5)', [
        n.id,
        n.type,
        n.payload,
        toMillis(n.createdAt),
        n.ackedAt === null ? null : toMillis(n.ackedAt),
      ]);
    }
  }

  async pending(limit: number): Promise<NotificationRecord[]> {
    const rows = await this.sql.query('SELECT id, type, payload, created_at, acked_at FROM tg_notifications WHERE acked_at IS NULL ORDER BY id LIMIT $1', [limit]);
    return rows.map((row) => ({
      id: row.id as string,
      type: row.type as string,
      payload: row.payload as string,
      createdAt: fromMillis(row.created_at),
      ackedAt: fromNullableMillis(row.acked_at),
    }));
  }

  async ack(ids: readonly string[], at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.sql.query(
      `UPDATE tg_notifications SET acked_at = $2 WHERE ${this.dialect.inList('id', 1, 'text')} AND acked_at IS NULL RETURNING id`,
      [this.dialect.listParam([...new Set(ids)]), toMillis(at)],
    );
    return rows.length;
  }

  async markFired(entitlementId: string, key: string, periodStartMs: number): Promise<boolean> {
    const rows = await this.sql.query(
      'INSERT INTO tg_fired_notifications (entitlement_id, period_start, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
      [entitlementId, periodStartMs, key],
    );
    return rows.length > 0;
  }

  async firedKeys(entitlementId: string, periodStartMs: number): Promise<string[]> {
    const rows = await this.sql.query<{ key: string }>('SELECT key FROM tg_fired_notifications WHERE entitlement_id = $1 AND period_start = $2', [
      entitlementId,
      periodStartMs,
    ]);
    return rows.map((r) => r.key);
  }
}
