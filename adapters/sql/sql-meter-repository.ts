import type { Aggregation } from '../../src/core/metering';
import { ConflictError } from '../../src/errors';
import type { MeterRecord, MeterRepository } from '../../src/storage';
import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor, SqlRow } from './sql-executor';
import { fromJson, fromMillis, fromNullableMillis, toJson, toMillis } from './sql-values';

const COLUMNS = 'id, key, name, event_type, aggregation, value_property, group_by, created_at, archived_at';

interface MeterRow extends SqlRow {
  id: string;
  key: string;
  name: string | null;
  event_type: string;
  aggregation: string;
  value_property: string | null;
  group_by: string;
  created_at: number | string;
  archived_at: number | string | null;
}

function toRecord(row: MeterRow): MeterRecord {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    eventType: row.event_type,
    aggregation: row.aggregation as Aggregation,
    valueProperty: row.value_property,
    groupBy: fromJson<Record<string, string>>(row.group_by),
    createdAt: fromMillis(row.created_at),
    archivedAt: fromNullableMillis(row.archived_at),
  };
}

const keyConflict = (key: string, cause?: unknown): ConflictError =>
  new ConflictError(`A meter with key ${key} already exists`, 'meter.key', { cause });

/** Meters in either SQL dialect. */
export class SqlMeterRepository implements MeterRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async insert(m: MeterRecord): Promise<void> {
    if (this.dialect.meterLock) await this.sql.query(this.dialect.meterLock.exclusive);
    if ((await this.sql.query('SELECT id FROM tg_meters WHERE key = $1', [m.key])).length > 0) throw keyConflict(m.key);
    try {
      await this.sql.query(`INSERT INTO tg_meters (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        m.id,
        m.key,
        m.name,
        m.eventType,
        m.aggregation,
        m.valueProperty,
        toJson(m.groupBy),
        toMillis(m.createdAt),
        m.archivedAt && toMillis(m.archivedAt),
      ]);
    } catch (error) {
      if (this.dialect.uniqueViolation(error) === undefined) throw error;
      throw keyConflict(m.key, error);
    }
  }

  async update(m: MeterRecord): Promise<void> {
    await this.sql.query('UPDATE tg_meters SET name = $2, archived_at = $3 WHERE id = $1', [m.id, m.name, m.archivedAt && toMillis(m.archivedAt)]);
  }

  async findById(id: string): Promise<MeterRecord | undefined> {
    const rows = await this.sql.query<MeterRow>(`SELECT ${COLUMNS} FROM tg_meters WHERE id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async findByKey(key: string): Promise<MeterRecord | undefined> {
    const rows = await this.sql.query<MeterRow>(`SELECT ${COLUMNS} FROM tg_meters WHERE key = $1`, [key]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(options: { limit: number; afterId?: string; includeArchived: boolean }): Promise<MeterRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.afterId !== undefined) {
      params.push(options.afterId);
      where.push(`id > $${params.length}`);
    }
    if (!options.includeArchived) where.push('archived_at IS NULL');
    params.push(options.limit);
    const rows = await this.sql.query<MeterRow>(
      `SELECT ${COLUMNS} FROM tg_meters ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  async listByEventTypes(eventTypes: readonly string[]): Promise<MeterRecord[]> {
    if (this.dialect.meterLock) await this.sql.query(this.dialect.meterLock.shared);
    if (eventTypes.length === 0) return [];
    const rows = await this.sql.query<MeterRow>(
      `SELECT ${COLUMNS} FROM tg_meters WHERE ${this.dialect.inList('event_type', 1, 'text')} ORDER BY id`,
      [this.dialect.listParam(eventTypes)],
    );
    return rows.map(toRecord);
  }
}
