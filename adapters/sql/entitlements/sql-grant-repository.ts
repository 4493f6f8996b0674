import type { GrantRecord, GrantRepository } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor } from '../sql-executor';
import { GRANT_COLUMNS, grantParams, toGrant, valuesList } from './sql-entitlement-rows';
import { toMillis } from '../sql-values';

/** Grants in either SQL dialect. */
export class SqlGrantRepository implements GrantRepository {
  constructor(
    private readonly sql: SqlExecutor,
    readonly dialect: SqlDialect,
  ) {}

  async insert(grant: GrantRecord): Promise<void> {
    await this.sql.query(`INSERT INTO tg_grants (${GRANT_COLUMNS}) VALUES (${valuesList(15)})`, grantParams(grant));
  }

  async void(id: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query('UPDATE tg_grants SET voided_at = $2 WHERE id = $1 AND voided_at IS NULL RETURNING id', [id, toMillis(at)]);
    return rows.length > 0;
  }

  async findById(id: string): Promise<GrantRecord | undefined> {
    const rows = await this.sql.query(`SELECT ${GRANT_COLUMNS} FROM tg_grants WHERE id = $1`, [id]);
    return rows[0] && toGrant(rows[0]);
  }

  async listByEntitlement(entitlementId: string): Promise<GrantRecord[]> {
    const rows = await this.sql.query(`SELECT ${GRANT_COLUMNS} FROM tg_grants WHERE entitlement_id = $1 ORDER BY id`, [entitlementId]);
    return rows.map(toGrant);
  }

  async list(options: { limit: number; afterId?: string; customerId?: string; featureId?: string; entitlementId?: string; includeVoided: boolean }): Promise<GrantRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) where.push(`id > $${params.push(options.afterId)}`);
    if (options.customerId !== undefined) where.push(`customer_id = $${params.push(options.customerId)}`);
    if (options.featureId !== undefined) where.push(`feature_id = $${params.push(options.featureId)}`);
    if (options.entitlementId !== undefined) where.push(`entitlement_id = $${params.push(options.entitlementId)}`);
    if (!options.includeVoided) where.push('voided_at IS NULL');
    const rows = await this.sql.query(
      `SELECT ${GRANT_COLUMNS} FROM tg_grants ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.push(options.limit)}`,
      params,
    );
    return rows.map(toGrant);
  }
}
