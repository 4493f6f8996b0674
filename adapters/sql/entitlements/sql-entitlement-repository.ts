import type { ConflictError } from '../../../src/errors';
import { type CheckTarget, type EntitlementRecord, type EntitlementRepository, storageConflict, type TrackedEntitlement, type UsageCheckpointRecord } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';
import { ENTITLEMENT_COLUMNS, checkpointSelect, entitlementParams, toCheckpoint, toEntitlement, valuesList } from './sql-entitlement-rows';
import { fromJson, fromMillis, toMillis } from '../sql-values';

const aliased = (columns: string, table: string, prefix: string): string =>
  columns
    .split(', ')
    .map((c) => `${table}.${c} AS ${prefix}${c}`)
    .join(', ');

/**
 * One statement for a check: the customer (by id, else key), the feature (by id, else the active
 * one with the key, else the one archived last), their entitlements and checkpoints.
 */
const CHECK_TARGET = `
WITH c AS (
  SELECT id, updated_at FROM tg_customers WHERE id = $1 OR key = $1
  ORDER BY CASE WHEN id = $1 THEN 0 ELSE 1 END LIMIT 1
), f AS (
  SELECT id, key, meter_key, meter_group_by_filters FROM tg_features WHERE id = $2 OR key = $2
  ORDER BY CASE WHEN id = $2 THEN 0 WHEN archived_at IS NULL THEN 1 ELSE 2 END, archived_at DESC, id DESC LIMIT 1
)
SELECT c.id AS c_id, c.updated_at AS c_updated_at, f.id AS f_id, f.key AS f_key, f.meter_key AS f_meter_key,
       f.meter_group_by_filters AS f_filters, ${aliased(ENTITLEMENT_COLUMNS, 'e', 'e_')}, ${checkpointSelect('k_')}
FROM c CROSS JOIN f
LEFT JOIN tg_entitlements e ON e.customer_id = c.id AND e.feature_id = f.id
LEFT JOIN tg_usage_checkpoints k ON k.entitlement_id = e.id
LEFT JOIN tg_usage_tails t ON t.entitlement_id = e.id
ORDER BY e.id`;

/**
 * Entitlements in either SQL dialect. Several of a customer for one feature may be stored: that their
 * spans never overlap is the facade's rule, under the customer's lock.
 */
export class SqlEntitlementRepository implements EntitlementRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
    /** Meters this transaction saw no feature for (no entitlement can track them): `findTracked` skips its query. */
    private readonly unfeatured?: ReadonlySet<string>,
  ) {}

  async insert(e: EntitlementRecord): Promise<void> {
    const params = entitlementParams(e);
    const inserted = await this.sql.query(`INSERT INTO tg_entitlements (${ENTITLEMENT_COLUMNS}) VALUES (${valuesList(params.length)}) ON CONFLICT (id) DO NOTHING RETURNING id`, params);
    if (inserted.length === 0) throw idConflict(e.id);
  }

  async setActiveTo(id: string, activeTo: Date | null): Promise<number> {
    const rows = await this.sql.query<{ version: number | string }>('UPDATE tg_entitlements SET active_to = $2, version = version + 1 WHERE id = $1 RETURNING version', [
      id,
      activeTo === null ? null : toMillis(activeTo),
    ]);
    return rows[0] === undefined ? 0 : Number(rows[0].version);
  }

  async markDeleted(id: string, at: Date): Promise<void> {
    await this.sql.query('UPDATE tg_entitlements SET deleted_at = $2, version = version + 1 WHERE id = $1', [id, toMillis(at)]);
  }

  async bumpVersion(id: string): Promise<number> {
    const rows = await this.sql.query<{ version: number | string }>('UPDATE tg_entitlements SET version = version + 1 WHERE id = $1 RETURNING version', [id]);
    return rows[0] === undefined ? 0 : Number(rows[0].version);
  }

  async findById(id: string): Promise<EntitlementRecord | undefined> {
    const rows = await this.sql.query(`SELECT ${ENTITLEMENT_COLUMNS} FROM tg_entitlements WHERE id = $1`, [id]);
    return rows[0] && toEntitlement(rows[0]);
  }

  async listByCustomer(customerId: string, featureId?: string): Promise<EntitlementRecord[]> {
    const rows =
      featureId === undefined
        ? await this.sql.query(`SELECT ${ENTITLEMENT_COLUMNS} FROM tg_entitlements WHERE customer_id = $1 ORDER BY id`, [customerId])
        : await this.sql.query(`SELECT ${ENTITLEMENT_COLUMNS} FROM tg_entitlements WHERE customer_id = $1 AND feature_id = $2 ORDER BY id`, [customerId, featureId]);
    return rows.map((r) => toEntitlement(r));
  }

  async list(options: { limit: number; afterId?: string; customerId?: string; featureId?: string; includeDeleted: boolean }): Promise<EntitlementRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) where.push(`id > $${params.push(options.afterId)}`);
    if (options.customerId !== undefined) where.push(`customer_id = $${params.push(options.customerId)}`);
    if (options.featureId !== undefined) where.push(`feature_id = $${params.push(options.featureId)}`);
    if (!options.includeDeleted) where.push('deleted_at IS NULL');
    const rows = await this.sql.query(
      `SELECT ${ENTITLEMENT_COLUMNS} FROM tg_entitlements ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.push(options.limit)}`,
      params,
    );
    return rows.map((r) => toEntitlement(r));
  }

  findTracked(meterKey: string, subjects: readonly string[]): Promise<TrackedEntitlement[]> {
    if (subjects.length === 0 || this.unfeatured?.has(meterKey)) return Promise.resolve([]);
    return this.dialect.entitlements.findTracked(this.sql, meterKey, subjects);
  }

  async lockUsage(ids: readonly string[], mode: 'share' | 'update'): Promise<boolean> {
    // Where writers are serialized anyway (SQLite), there is nothing to lock.
    if (!this.dialect.supportsRowLocks || ids.length === 0) return false;
    await this.sql.query(
      `SELECT id FROM tg_entitlements WHERE ${this.dialect.inList('id', 1, 'text')} ORDER BY id ${mode === 'share' ? 'FOR SHARE' : 'FOR UPDATE'}`,
      [this.dialect.listParam([...ids].sort())],
    );
    return true;
  }

  async findCheckTarget(customerRef: string, featureRef: string): Promise<CheckTarget | undefined> {
    // A check's first statement, and often its only one: where the executor can, it runs before BEGIN.
    const params = [customerRef, featureRef];
    const rows = this.sql.readFirst ? await this.sql.readFirst('tollgate_check_target', CHECK_TARGET, params) : await this.sql.query(CHECK_TARGET, params);
    const first = rows[0];
    if (first === undefined) return undefined;
    const entitlements: EntitlementRecord[] = [];
    const checkpoints: UsageCheckpointRecord[] = [];
    for (const row of rows) {
      if (row.e_id === null || row.e_id === undefined) continue;
      entitlements.push(toEntitlement(row, 'e_'));
      if (row.k_entitlement_id !== null && row.k_entitlement_id !== undefined) checkpoints.push(toCheckpoint(row as SqlRow, 'k_'));
    }
    return {
      customerId: first.c_id as string,
      customerUpdatedAt: fromMillis(first.c_updated_at),
      featureId: first.f_id as string,
      featureKey: first.f_key as string,
      meterKey: (first.f_meter_key as string | null) ?? null,
      filters: fromJson(first.f_filters),
      entitlements,
      checkpoints,
    };
  }
}

function idConflict(id: string): ConflictError {
  return storageConflict(`An entitlement with id ${id} already exists`, 'entitlement.id');
}
