import type { ConflictError } from '../../../src/errors';
import { type CustomerRecord, type CustomerRepository, storageConflict } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';
import { fromJson, fromMillis, fromNullableMillis, placeholders, toJson, toMillis } from '../sql-values';

const COLUMNS = 'id, key, name, currency, timezone, metadata, created_at, updated_at, archived_at';

interface CustomerRow extends SqlRow {
  id: string;
  key: string;
  name: string | null;
  currency: string | null;
  timezone: string | null;
  metadata: string;
  created_at: number | string;
  updated_at: number | string;
  archived_at: number | string | null;
}

/** Customers in either SQL dialect. */
export class SqlCustomerRepository implements CustomerRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async insert(c: CustomerRecord): Promise<void> {
    await this.assertKeyFree(c);
    await this.assertSubjectsFree(c);
    await this.mapConflicts(async () => {
      await this.sql.query(
        `INSERT INTO tg_customers (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [c.id, c.key, c.name, c.currency, c.timezone, toJson(c.metadata), toMillis(c.createdAt), toMillis(c.updatedAt), c.archivedAt && toMillis(c.archivedAt)],
      );
      await this.insertSubjects(c);
    });
  }

  async update(c: CustomerRecord): Promise<void> {
    await this.assertKeyFree(c);
    await this.assertSubjectsFree(c);
    await this.mapConflicts(async () => {
      await this.sql.query(
        `UPDATE tg_customers SET key = $2, name = $3, currency = $4, timezone = $5, metadata = $6,
           updated_at = $7, archived_at = $8 WHERE id = $1`,
        [c.id, c.key, c.name, c.currency, c.timezone, toJson(c.metadata), toMillis(c.updatedAt), c.archivedAt && toMillis(c.archivedAt)],
      );
      await this.sql.query('DELETE FROM tg_customer_subjects WHERE customer_id = $1', [c.id]);
      await this.insertSubjects(c);
    });
  }

  async lock(id: string): Promise<void> {
    // Where writers are serialized anyway (SQLite), there is nothing to lock.
    if (!this.dialect.supportsRowLocks) return;
    await this.sql.query('SELECT id FROM tg_customers WHERE id = $1 FOR UPDATE', [id]);
  }

  async findById(id: string): Promise<CustomerRecord | undefined> {
    return this.findOne(`SELECT ${COLUMNS} FROM tg_customers WHERE id = $1`, id);
  }

  async findByKey(key: string): Promise<CustomerRecord | undefined> {
    return this.findOne(`SELECT ${COLUMNS} FROM tg_customers WHERE key = $1`, key);
  }

  async findBySubjectKey(subjectKey: string): Promise<CustomerRecord | undefined> {
    return this.findOne(
      `SELECT ${COLUMNS} FROM tg_customers WHERE id = (SELECT customer_id FROM tg_customer_subjects WHERE subject_key = $1)`,
      subjectKey,
    );
  }

  async findBySubjectKeys(subjectKeys: readonly string[]): Promise<CustomerRecord[]> {
    if (subjectKeys.length === 0) return [];
    const rows = await this.sql.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM tg_customers WHERE id IN (
         SELECT customer_id FROM tg_customer_subjects WHERE ${this.dialect.inList('subject_key', 1, 'text')})`,
      [this.dialect.listParam(subjectKeys)],
    );
    return this.withSubjects(rows);
  }

  async list(options: { limit: number; afterId?: string; includeArchived: boolean }): Promise<CustomerRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) {
      params.push(options.afterId);
      where.push(`id > $${params.length}`);
    }
    if (!options.includeArchived) where.push('archived_at IS NULL');
    params.push(options.limit);
    const rows = await this.sql.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM tg_customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id LIMIT $${params.length}`,
      params,
    );
    return this.withSubjects(rows);
  }

  private async findOne(text: string, param: string): Promise<CustomerRecord | undefined> {
    const rows = await this.sql.query<CustomerRow>(text, [param]);
    return (await this.withSubjects(rows))[0];
  }

  private async withSubjects(rows: CustomerRow[]): Promise<CustomerRecord[]> {
    if (rows.length === 0) return [];
    const subjects = await this.sql.query<{ customer_id: string; subject_key: string }>(
      `SELECT customer_id, subject_key FROM tg_customer_subjects
       WHERE customer_id IN (${placeholders(rows.length, 1)}) ORDER BY customer_id, position`,
      rows.map((r) => r.id),
    );
    const byCustomer = new Map<string, string[]>();
    for (const s of subjects) {
      const list = byCustomer.get(s.customer_id) ?? [];
      list.push(s.subject_key);
      byCustomer.set(s.customer_id, list);
    }
    return rows.map((row) => toRecord(row, byCustomer.get(row.id) ?? []));
  }

  private async insertSubjects(c: CustomerRecord): Promise<void> {
    if (c.subjectKeys.length === 0) return;
    const values = c.subjectKeys.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ');
    await this.sql.query(
      `INSERT INTO tg_customer_subjects (subject_key, customer_id, position) VALUES ${values}`,
      c.subjectKeys.flatMap((s, i) => [s, c.id, i]),
    );
  }

  /** Checked first so the common case gives a clear error without aborting a Postgres transaction. */
  private async assertKeyFree(c: CustomerRecord): Promise<void> {
    const rows = await this.sql.query('SELECT id FROM tg_customers WHERE key = $1 AND id <> $2', [c.key, c.id]);
    if (rows.length > 0) throw keyConflict(c.key);
  }

  private async assertSubjectsFree(c: CustomerRecord): Promise<void> {
    if (c.subjectKeys.length === 0) return;
    const rows = await this.sql.query<{ subject_key: string }>(
      `SELECT subject_key FROM tg_customer_subjects
       WHERE subject_key IN (${placeholders(c.subjectKeys.length, 2)}) AND customer_id <> $1`,
      [c.id, ...c.subjectKeys],
    );
    if (rows[0]) throw subjectConflict(rows[0].subject_key);
  }

  /** A concurrent writer may still win the race between the check and the write. */
  private async mapConflicts(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      const target = this.dialect.uniqueViolation(error);
      if (target === undefined) throw error;
      if (target.startsWith('tg_customer_subjects')) throw subjectConflict(undefined, error);
      throw keyConflict(undefined, error);
    }
  }
}

function keyConflict(key: string | undefined, cause?: unknown): ConflictError {
  return storageConflict(
    key === undefined ? 'A customer with this key already exists' : `A customer with key ${key} already exists`,
    'customer.key',
    { cause },
  );
}

function subjectConflict(subject: string | undefined, cause?: unknown): ConflictError {
  return storageConflict(
    subject === undefined
      ? 'A subject key already belongs to another customer'
      : `Subject key ${subject} already belongs to another customer`,
    'customer.subjectKeys',
    { cause },
  );
}

function toRecord(row: CustomerRow, subjectKeys: string[]): CustomerRecord {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    subjectKeys,
    currency: row.currency,
    timezone: row.timezone,
    metadata: fromJson<Record<string, unknown>>(row.metadata),
    createdAt: fromMillis(row.created_at),
    updatedAt: fromMillis(row.updated_at),
    archivedAt: fromNullableMillis(row.archived_at),
  };
}
