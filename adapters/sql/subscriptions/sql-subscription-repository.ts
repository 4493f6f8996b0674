import type { ConflictError } from '../../../src/errors';
import { type SubscriptionPhaseRecord, type SubscriptionRecord, type SubscriptionRepository, type SubscriptionStatusFilter, storageConflict } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';
import { placeholders, toMillis } from '../sql-values';
import { ITEM_COLUMNS, ITEM_INSERT, PHASE_COLUMNS, PHASE_INSERT, SUBSCRIPTION_COLUMNS, itemRows, phaseRows, subscriptionParams, toItem, toPhase, toSubscription } from './sql-subscription-rows';
import { statusCondition } from './sql-subscription-status';

const COLUMNS = SUBSCRIPTION_COLUMNS.join(', ');
const REVISION_PARAM = SUBSCRIPTION_COLUMNS.length + 1;

/** Inserts the row unless the id exists: no row comes back then, and a Postgres transaction stays usable. */
const INSERT = `INSERT INTO tg_subscriptions (${COLUMNS}) VALUES (${placeholders(SUBSCRIPTION_COLUMNS.length, 1)}) ON CONFLICT (id) DO NOTHING RETURNING id`;

/** Rewrites every column but the id when the stored revision is the expected one (`$23`). */
const UPDATE = `UPDATE tg_subscriptions SET ${SUBSCRIPTION_COLUMNS.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ')} WHERE id = $1 AND revision = $${REVISION_PARAM} RETURNING id`;

const DELETE_PHASES = 'DELETE FROM tg_subscription_phases WHERE subscription_id = $1';
const DELETE_ITEMS = 'DELETE FROM tg_subscription_items WHERE subscription_id = $1';
/** Both deletes in one round trip, where the engine has writable CTEs. */
const DELETE_CHILDREN = `WITH phases AS (${DELETE_PHASES}) ${DELETE_ITEMS}`;

/**
 * Subscriptions in either SQL dialect: one row each in `tg_subscriptions`, its phases and item
 * versions in `tg_subscription_phases` and `tg_subscription_items` by position, written with one
 * multi-row insert per table and replaced whole on update.
 */
export class SqlSubscriptionRepository implements SubscriptionRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async insert(s: SubscriptionRecord): Promise<void> {
    const inserted = await this.sql.query(INSERT, subscriptionParams(s));
    if (inserted.length === 0) throw idConflict(s.id);
    await this.insertChildren(s);
  }

  async update(s: SubscriptionRecord, expectedRevision: number): Promise<boolean> {
    const updated = await this.sql.query(UPDATE, [...subscriptionParams(s), expectedRevision]);
    if (updated.length === 0) return false;
    await this.deleteChildren(s.id);
    await this.insertChildren(s);
    return true;
  }

  async findById(id: string): Promise<SubscriptionRecord | undefined> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM tg_subscriptions WHERE id = $1`, [id]);
    return (await this.withPhases(rows))[0];
  }

  async listByCustomer(customerId: string): Promise<SubscriptionRecord[]> {
    const rows = await this.sql.query(`SELECT ${COLUMNS} FROM tg_subscriptions WHERE customer_id = $1 ORDER BY id`, [customerId]);
    return this.withPhases(rows);
  }

  async list(options: { limit: number; afterId?: string; customerId?: string; status?: SubscriptionStatusFilter }): Promise<SubscriptionRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) where.push(`id > $${params.push(options.afterId)}`);
    if (options.customerId !== undefined) where.push(`customer_id = $${params.push(options.customerId)}`);
    if (options.status !== undefined) where.push(statusCondition(options.status.status, `$${params.push(toMillis(options.status.at))}`));
    const rows = await this.sql.query(
      `SELECT ${COLUMNS} FROM tg_subscriptions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.push(options.limit)}`,
      params,
    );
    return this.withPhases(rows);
  }

  private async insertChildren(s: SubscriptionRecord): Promise<void> {
    await this.dialect.insertBatch(this.sql, PHASE_INSERT, phaseRows(s));
    await this.dialect.insertBatch(this.sql, ITEM_INSERT, itemRows(s));
  }

  private async deleteChildren(id: string): Promise<void> {
    if (this.dialect.supportsWritableCtes) {
      await this.sql.query(DELETE_CHILDREN, [id]);
      return;
    }
    await this.sql.query(DELETE_PHASES, [id]);
    await this.sql.query(DELETE_ITEMS, [id]);
  }

  /** The subscriptions of `rows`, in their order, each with its phases and their items. */
  private async withPhases(rows: SqlRow[]): Promise<SubscriptionRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id as string);
    const phasesById = await this.phasesOf(ids);
    return rows.map((row) => toSubscription(row, phasesById.get(row.id as string) ?? []));
  }

  /** subscription id → its phases by position, each with its item versions by position. */
  private async phasesOf(ids: readonly string[]): Promise<Map<string, SubscriptionPhaseRecord[]>> {
    const phaseRowsRead = await this.childRows('tg_subscription_phases', PHASE_COLUMNS, 'subscription_id, idx', ids);
    const itemRowsRead = await this.childRows('tg_subscription_items', ITEM_COLUMNS, 'subscription_id, phase_idx, idx', ids);
    const phases = new Map<string, SubscriptionPhaseRecord[]>();
    for (const row of phaseRowsRead) {
      const id = row.subscription_id as string;
      let list = phases.get(id);
      if (list === undefined) phases.set(id, (list = []));
      list.push(toPhase(row));
    }
    for (const row of itemRowsRead) {
      const phase = phases.get(row.subscription_id as string)?.[Number(row.phase_idx)];
      phase?.items.push(toItem(row));
    }
    return phases;
  }

  /** Rows of a child table for the given subscriptions, in `order`. */
  private childRows(table: string, columns: string, order: string, ids: readonly string[]): Promise<SqlRow[]> {
    if (ids.length === 1) return this.sql.query(`SELECT ${columns} FROM ${table} WHERE subscription_id = $1 ORDER BY ${order}`, ids);
    return this.sql.query(`SELECT ${columns} FROM ${table} WHERE ${this.dialect.inList('subscription_id', 1, 'text')} ORDER BY ${order}`, [this.dialect.listParam(ids)]);
  }
}

function idConflict(id: string): ConflictError {
  return storageConflict(`A subscription with id ${id} already exists`, 'subscription.id');
}
