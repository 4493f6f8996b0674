import type { ConflictError } from '../../../src/errors';
import type { Aggregation } from '../../../src/core/metering';
import { type MeterRecord, type MeterRepository, storageConflict } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';
import { fromJson, fromMillis, fromNullableMillis, toJson, toMillis } from '../sql-values';

const COLUMNS = 'id, key, name, event_type, aggregation, value_property, group_by, created_at, archived_at';

/** Whether any feature meters the row's meter (features never change their meter). */
const FEATURED = 'CASE WHEN EXISTS (SELECT 1 FROM tg_features f WHERE f.meter_key = tg_meters.key) THEN 1 ELSE 0 END AS featured';

interface MeterRow extends SqlRow {
  featured?: number | string | boolean;
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
  storageConflict(`A meter with key ${key} already exists`, 'meter.key', { cause });

/** Meters in either SQL dialect. */
export class SqlMeterRepository implements MeterRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
    /** Filled by `listByEventTypes`: keys of the meters no feature meters, as read under the meter lock. */
    private readonly unfeatured?: Set<string>,
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
    if (this.dialect.meterLock && this.sql.queryScript && eventTypes.length > 0) {
      // One round trip, still two statements: the select's snapshot is taken after the lock is held,
      // so a meter created while we waited for it is seen (and then sees our events).
      const types = eventTypes.map(postgresLiteral).join(', ');
      const rows = await this.sql.queryScript<MeterRow>([this.dialect.meterLock.shared, `SELECT ${COLUMNS}, ${FEATURED} FROM tg_meters WHERE event_type IN (${types}) ORDER BY id`]);
      return this.noteFeatured(rows);
    }
    if (this.dialect.meterLock) await this.sql.query(this.dialect.meterLock.shared);
    if (eventTypes.length === 0) return [];
    const rows = await this.sql.query<MeterRow>(
      `SELECT ${COLUMNS}, ${FEATURED} FROM tg_meters WHERE ${this.dialect.inList('event_type', 1, 'text')} ORDER BY id`,
      [this.dialect.listParam(eventTypes)],
    );
    return this.noteFeatured(rows);
  }

  /**
   * Records which meters no feature meters. Sound across processes: read under the shared meter
   * lock (Postgres; SQLite serializes writers), and a metered feature's insert takes it exclusively,
   * so no feature (hence no entitlement) can appear for such a meter before this transaction ends.
   */
  private noteFeatured(rows: readonly MeterRow[]): MeterRecord[] {
    for (const row of rows) {
      if (Number(row.featured) === 1 || row.featured === true) this.unfeatured?.delete(row.key);
      else this.unfeatured?.add(row.key);
    }
    return rows.map(toRecord);
  }
}

/** A Postgres string literal in escape syntax (whatever `standard_conforming_strings` is). */
function postgresLiteral(value: string): string {
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
