import type { BalanceSnapshotRecord, BalanceSnapshotRepository } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor } from '../sql-executor';
import { fromJson, fromMillis, toJson, toMillis } from '../sql-values';

/** Balance snapshots in either SQL dialect, keyed by (entitlement, instant). */
export class SqlBalanceSnapshotRepository implements BalanceSnapshotRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async save(snapshots: readonly BalanceSnapshotRecord[]): Promise<void> {
    for (const s of snapshots) {
      await this.sql.query(
        `INSERT INTO tg_balance_snapshots (entitlement_id, at, fingerprint, balances, overage) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (entitlement_id, at) DO UPDATE SET fingerprint = excluded.fingerprint, balances = excluded.balances, overage = excluded.overage`,
        [s.entitlementId, toMillis(s.at), s.fingerprint, toJson(s.balances), s.overage],
      );
    }
  }

  async latest(entitlementId: string, atMs: number): Promise<BalanceSnapshotRecord | undefined> {
    const rows = await this.sql.query(
      'SELECT entitlement_id, at, fingerprint, balances, overage FROM tg_balance_snapshots WHERE entitlement_id = $1 AND at <= $2 ORDER BY at DESC LIMIT 1',
      [entitlementId, atMs],
    );
    const row = rows[0];
    return (
      row && {
        entitlementId: row.entitlement_id as string,
        at: fromMillis(row.at),
        fingerprint: row.fingerprint as string,
        balances: fromJson(row.balances),
        overage: row.overage as string,
      }
    );
  }

  async deleteAfter(entitlementId: string, afterMs: number): Promise<void> {
    await this.sql.query('DELETE FROM tg_balance_snapshots WHERE entitlement_id = $1 AND at > $2', [entitlementId, Number.isFinite(afterMs) ? afterMs : -8.64e15]);
  }

  async deleteAfterMany(items: ReadonlyArray<{ entitlementId: string; afterMs: number }>): Promise<void> {
    if (items.length === 0) return;
    const json = JSON.stringify(items.map((i) => ({ id: i.entitlementId, after: Number.isFinite(i.afterMs) ? i.afterMs : -8.64e15 })));
    await this.sql.query(this.dialect.entitlements.deleteSnapshotsAfterMany, [json]);
  }
}
