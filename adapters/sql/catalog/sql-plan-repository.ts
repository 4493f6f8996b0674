import type { ConflictError } from '../../../src/errors';
import { type PlanRecord, type PlanRepository, storageConflict } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';
import { fromJson, fromMillis, fromNullableMillis, toJson, toMillis } from '../sql-values';

const COLUMNS =
  'id, key, version, name, description, currency, billing_cadence, pro_rating, phases, metadata, validation_errors, ' +
  'created_at, updated_at, published_at, effective_from, effective_to';

interface PlanRow extends SqlRow {
  id: string;
  key: string;
  version: number | string;
  name: string;
  description: string | null;
  currency: string;
  billing_cadence: string;
  pro_rating: string;
  phases: string;
  metadata: string;
  validation_errors: string;
  created_at: number | string;
  updated_at: number | string;
  published_at: number | string | null;
  effective_from: number | string | null;
  effective_to: number | string | null;
}

const nullableMillis = (d: Date | null): number | null => d && toMillis(d);

/** Plan versions in either SQL dialect; the plan body is stored as JSON text. */
export class SqlPlanRepository implements PlanRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async insert(p: PlanRecord): Promise<void> {
    const taken = await this.sql.query('SELECT id FROM tg_plans WHERE key = $1 AND version = $2', [p.key, p.version]);
    if (taken.length > 0) throw versionConflict(p);
    try {
      await this.sql.query(
        `INSERT INTO tg_plans (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [p.id, p.key, p.version, ...this.body(p), toMillis(p.createdAt), toMillis(p.updatedAt), ...this.dates(p)],
      );
    } catch (error) {
      if (this.dialect.uniqueViolation(error) !== undefined) throw versionConflict(p, error);
      throw error;
    }
  }

  async update(p: PlanRecord): Promise<void> {
    await this.sql.query(
      `UPDATE tg_plans SET name = $2, description = $3, currency = $4, billing_cadence = $5, pro_rating = $6, phases = $7,
         metadata = $8, validation_errors = $9, updated_at = $10, published_at = $11, effective_from = $12, effective_to = $13
       WHERE id = $1`,
      [p.id, ...this.body(p), toMillis(p.updatedAt), ...this.dates(p)],
    );
  }

  async findById(id: string): Promise<PlanRecord | undefined> {
    const rows = await this.sql.query<PlanRow>(`SELECT ${COLUMNS} FROM tg_plans WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async versions(key: string): Promise<PlanRecord[]> {
    const rows = await this.sql.query<PlanRow>(`SELECT ${COLUMNS} FROM tg_plans WHERE key = $1 ORDER BY version`, [key]);
    return rows.map(toRecord);
  }

  async list(options: { limit: number; afterId?: string; key?: string }): Promise<PlanRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) where.push(`id > $${params.push(options.afterId)}`);
    if (options.key !== undefined) where.push(`key = $${params.push(options.key)}`);
    const rows = await this.sql.query<PlanRow>(
      `SELECT ${COLUMNS} FROM tg_plans ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.push(options.limit)}`,
      params,
    );
    return rows.map(toRecord);
  }

  private body(p: PlanRecord): unknown[] {
    return [p.name, p.description, p.currency, p.billingCadence, toJson(p.proRating), toJson(p.phases), toJson(p.metadata), toJson(p.validationErrors)];
  }

  private dates(p: PlanRecord): unknown[] {
    return [nullableMillis(p.publishedAt), nullableMillis(p.effectiveFrom), nullableMillis(p.effectiveTo)];
  }
}

function versionConflict(p: PlanRecord, cause?: unknown): ConflictError {
  return storageConflict(`Plan ${p.key} already has a version ${p.version}`, 'plan.version', { cause });
}

function toRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    key: row.key,
    version: Number(row.version),
    name: row.name,
    description: row.description,
    currency: row.currency,
    billingCadence: row.billing_cadence,
    proRating: fromJson(row.pro_rating),
    phases: fromJson(row.phases),
    metadata: fromJson(row.metadata),
    validationErrors: fromJson(row.validation_errors),
    createdAt: fromMillis(row.created_at),
    updatedAt: fromMillis(row.updated_at),
    publishedAt: fromNullableMillis(row.published_at),
    effectiveFrom: fromNullableMillis(row.effective_from),
    effectiveTo: fromNullableMillis(row.effective_to),
  };
}
