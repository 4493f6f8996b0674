import type { UsageAddition, UsageAdditionOutcome, UsageCheckpointRecord, UsageCheckpointRepository } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor } from '../sql-executor';
import { CHECKPOINT_COLUMNS, TAIL_COLUMNS, checkpointParams, checkpointSelect, tailParams, toCheckpoint, valuesList } from './sql-entitlement-rows';

/** `INSERT ... ON CONFLICT (entitlement_id) DO UPDATE` of every column of a table keyed by entitlement. */
function upsert(table: string, columns: string, firstParam: number): string {
  const names = columns.split(', ');
  const updates = names
    .slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO ${table} (${columns}) VALUES (${valuesList(names.length, firstParam)}) ON CONFLICT (entitlement_id) DO UPDATE SET ${updates}`;
}

const CHECKPOINT_WIDTH = CHECKPOINT_COLUMNS.split(', ').length;
const PUT_CHECKPOINT = upsert('tg_usage_checkpoints', CHECKPOINT_COLUMNS, 1);
const PUT_TAIL = upsert('tg_usage_tails', TAIL_COLUMNS, 1);
/** Both rows of a checkpoint in one statement, where the engine has writable CTEs. */
const PUT_BOTH = `WITH k AS (${PUT_CHECKPOINT}) ${upsert('tg_usage_tails', TAIL_COLUMNS, CHECKPOINT_WIDTH + 1)}`;

/**
 * Usage checkpoints in either SQL dialect: the burn-down state in `tg_usage_checkpoints`, the tail
 * ingestion adds to in the narrow `tg_usage_tails` (one row each, written and deleted together);
 * tails are added atomically in SQL (exact decimals), by each engine's statement
 * (`dialect.entitlements.addUsage`).
 */
export class SqlUsageCheckpointRepository implements UsageCheckpointRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async get(entitlementId: string): Promise<UsageCheckpointRecord | undefined> {
    const rows = await this.sql.query(
      `SELECT ${checkpointSelect()} FROM tg_usage_checkpoints k JOIN tg_usage_tails t ON t.entitlement_id = k.entitlement_id WHERE k.entitlement_id = $1`,
      [entitlementId],
    );
    return rows[0] && toCheckpoint(rows[0]);
  }

  async put(k: UsageCheckpointRecord): Promise<void> {
    if (this.dialect.supportsWritableCtes) {
      await this.sql.query(PUT_BOTH, [...checkpointParams(k), ...tailParams(k)]);
      return;
    }
    await this.sql.query(PUT_CHECKPOINT, checkpointParams(k));
    await this.sql.query(PUT_TAIL, tailParams(k));
  }

  async delete(entitlementIds: readonly string[]): Promise<void> {
    if (entitlementIds.length === 0) return;
    const ids = [this.dialect.listParam(entitlementIds)];
    const where = `WHERE ${this.dialect.inList('entitlement_id', 1, 'text')}`;
    if (this.dialect.supportsWritableCtes) {
      await this.sql.query(`WITH k AS (DELETE FROM tg_usage_checkpoints ${where}) DELETE FROM tg_usage_tails ${where}`, ids);
      return;
    }
    await this.sql.query(`DELETE FROM tg_usage_checkpoints ${where}`, ids);
    await this.sql.query(`DELETE FROM tg_usage_tails ${where}`, ids);
  }

  addUsage(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome> {
    if (additions.length === 0) return Promise.resolve({ missed: [], reached: [] });
    return this.dialect.entitlements.addUsage(this.sql, additions);
  }
}
