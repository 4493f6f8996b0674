import type { TailAddition, UsageCheckpointRecord, UsageCheckpointRepository } from '../../src/storage';
import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor } from './sql-executor';
import { CHECKPOINT_COLUMNS, checkpointParams, toCheckpoint, valuesList } from './sql-entitlement-rows';

/** Usage checkpoints in either SQL dialect; tails are added atomically in SQL (exact decimals). */
export class SqlUsageCheckpointRepository implements UsageCheckpointRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async get(entitlementId: string): Promise<UsageCheckpointRecord | undefined> {
    const rows = await this.sql.query(`SELECT ${CHECKPOINT_COLUMNS} FROM tg_usage_checkpoints WHERE entitlement_id = $1`, [entitlementId]);
    return rows[0] && toCheckpoint(rows[0]);
  }

  async getMany(entitlementIds: readonly string[]): Promise<UsageCheckpointRecord[]> {
    if (entitlementIds.length === 0) return [];
    const rows = await this.sql.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM tg_usage_checkpoints WHERE ${this.dialect.inList('entitlement_id', 1, 'text')}`,
      [this.dialect.listParam(entitlementIds)],
    );
    return rows.map((r) => toCheckpoint(r));
  }

  async put(k: UsageCheckpointRecord): Promise<void> {
    const updates = CHECKPOINT_COLUMNS.split(', ')
      .slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    await this.sql.query(
      `INSERT INTO tg_usage_checkpoints (${CHECKPOINT_COLUMNS}) VALUES (${valuesList(12)}) ON CONFLICT (entitlement_id) DO UPDATE SET ${updates}`,
      checkpointParams(k),
    );
  }

  async delete(entitlementIds: readonly string[]): Promise<void> {
    if (entitlementIds.length === 0) return;
    await this.sql.query(`DELETE FROM tg_usage_checkpoints WHERE ${this.dialect.inList('entitlement_id', 1, 'text')}`, [this.dialect.listParam(entitlementIds)]);
  }

  async addToTails(additions: readonly TailAddition[]): Promise<string[]> {
    if (additions.length === 0) return [];
    if (this.sql.runEach !== undefined) {
      const changed = this.sql.runEach(
        `UPDATE tg_usage_checkpoints SET tail = tg_decimal_add(tail, $1), tail_bound = max(tail_bound, $2)
         WHERE entitlement_id = $3 AND version = $4 AND segment_start = $5`,
        additions.map((a) => [a.delta, a.boundMs, a.entitlementId, a.version, a.segmentStartMs]),
      );
      return additions.filter((_, i) => changed[i] !== null).map((a) => a.entitlementId);
    }
    const json = JSON.stringify(additions.map((a) => ({ id: a.entitlementId, v: a.version, s: a.segmentStartMs, d: a.delta, b: a.boundMs })));
    const rows = await this.sql.query<{ entitlement_id: string }>(
      `UPDATE tg_usage_checkpoints AS k
       SET tail = (k.tail::numeric + j.d)::text, tail_bound = GREATEST(k.tail_bound, j.b)
       FROM json_to_recordset($1::json) AS j(id text, v integer, s bigint, d numeric, b bigint)
       WHERE k.entitlement_id = j.id AND k.version = j.v AND k.segment_start = j.s
       RETURNING k.entitlement_id`,
      [json],
    );
    return rows.map((r) => r.entitlement_id);
  }
}
