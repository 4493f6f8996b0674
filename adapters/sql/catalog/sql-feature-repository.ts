import type { ConflictError } from '../../../src/errors';
import { type FeatureRecord, type FeatureRepository, storageConflict } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';
import { fromJson, fromMillis, fromNullableMillis, toJson, toMillis } from '../sql-values';

const COLUMNS = 'id, key, name, meter_key, meter_group_by_filters, metadata, created_at, archived_at';

interface FeatureRow extends SqlRow {
  id: string;
  key: string;
  name: string | null;
  meter_key: string | null;
  meter_group_by_filters: string;
  metadata: string;
  created_at: number | string;
  archived_at: number | string | null;
}

/** Features in either SQL dialect; a partial unique index keeps active keys unique. */
export class SqlFeatureRepository implements FeatureRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
    /** Meters this transaction saw no feature for (see SqlMeterRepository.listByEventTypes). */
    private readonly unfeatured?: Set<string>,
  ) {}

  async insert(f: FeatureRecord): Promise<void> {
    if (f.meterKey !== null) {
      // Ingestions read "does a feature meter this?" under the shared meter lock and skip the
      // entitlement lookup when not: a metered feature waits for the ingestions in flight.
      if (this.dialect.meterLock) await this.sql.query(this.dialect.meterLock.exclusive);
      this.unfeatured?.delete(f.meterKey);
    }
    const taken = await this.sql.query('SELECT id FROM tg_features WHERE key = $1 AND archived_at IS NULL', [f.key]);
    if (taken.length > 0) throw keyConflict(f.key);
    try {
      await this.sql.query(`INSERT INTO tg_features (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        f.id,
        f.key,
        f.name,
        f.meterKey,
        toJson(f.meterGroupByFilters),
        toJson(f.metadata),
        toMillis(f.createdAt),
        f.archivedAt && toMillis(f.archivedAt),
      ]);
    } catch (error) {
      if (this.dialect.uniqueViolation(error) !== undefined) throw keyConflict(f.key, error);
      throw error;
    }
  }

  async archive(id: string, at: Date): Promise<void> {
    await this.sql.query('UPDATE tg_features SET archived_at = $2 WHERE id = $1', [id, toMillis(at)]);
  }

  async findById(id: string): Promise<FeatureRecord | undefined> {
    const rows = await this.sql.query<FeatureRow>(`SELECT ${COLUMNS} FROM tg_features WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async findByKey(key: string): Promise<FeatureRecord | undefined> {
    const rows = await this.sql.query<FeatureRow>(
      `SELECT ${COLUMNS} FROM tg_features WHERE key = $1
       ORDER BY CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END, archived_at DESC, id DESC LIMIT 1`,
      [key],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async list(options: { limit: number; afterId?: string; includeArchived: boolean; meterKey?: string }): Promise<FeatureRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) where.push(`id > $${params.push(options.afterId)}`);
    if (options.meterKey !== undefined) where.push(`meter_key = $${params.push(options.meterKey)}`);
    if (!options.includeArchived) where.push('archived_at IS NULL');
    const rows = await this.sql.query<FeatureRow>(
      `SELECT ${COLUMNS} FROM tg_features ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.push(options.limit)}`,
      params,
    );
    return rows.map(toRecord);
  }
}

function keyConflict(key: string, cause?: unknown): ConflictError {
  return storageConflict(`An active feature with key ${key} already exists`, 'feature.key', { cause });
}

function toRecord(row: FeatureRow): FeatureRecord {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    meterKey: row.meter_key,
    meterGroupByFilters: fromJson(row.meter_group_by_filters),
    metadata: fromJson(row.metadata),
    createdAt: fromMillis(row.created_at),
    archivedAt: fromNullableMillis(row.archived_at),
  };
}
