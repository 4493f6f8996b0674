import type { EntitlementResetRecord, EntitlementResetRepository } from '../../../src/storage';
import type { SqlExecutor } from '../sql-executor';
import { fromMillis, toMillis } from '../sql-values';

/** Manual resets in either SQL dialect. */
export class SqlEntitlementResetRepository implements EntitlementResetRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async insert(r: EntitlementResetRecord): Promise<void> {
    await this.sql.query(
      'INSERT INTO tg_entitlement_resets (id, entitlement_id, at, retain_anchor, preserve_overage, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [r.id, r.entitlementId, toMillis(r.at), r.retainAnchor ? 1 : 0, r.preserveOverage ? 1 : 0, toMillis(r.createdAt)],
    );
  }

  async listByEntitlement(entitlementId: string): Promise<EntitlementResetRecord[]> {
    const rows = await this.sql.query(
      'SELECT id, entitlement_id, at, retain_anchor, preserve_overage, created_at FROM tg_entitlement_resets WHERE entitlement_id = $1 ORDER BY at',
      [entitlementId],
    );
    return rows.map((row) => ({
      id: row.id as string,
      entitlementId: row.entitlement_id as string,
      at: fromMillis(row.at),
      retainAnchor: Number(row.retain_anchor) === 1,
      preserveOverage: Number(row.preserve_overage) === 1,
      createdAt: fromMillis(row.created_at),
    }));
  }
}
