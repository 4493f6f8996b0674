import type { EventListQuery, EventRecord, EventRepository, EventScanQuery, NewEventRecord } from '../../../src/storage';
import type { AppendMergeResult, RollupMergeInput } from '../../../src/storage';
import { rollupMerge } from './sql-rollup-repository';
import type { BatchInsert } from '../batch-insert';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';

const COLUMNS = 'seq, id, source, type, subject, time, data, ingested_at';

interface EventRow extends SqlRow {
  seq: number | string;
  id: string;
  source: string;
  type: string;
  subject: string;
  time: number | string;
  data: string | null;
  ingested_at: number | string;
}

const APPEND: BatchInsert = {
  table: 'tg_events',
  columns: [
    { name: 'source', pgType: 'text' },
    { name: 'id', pgType: 'text' },
    { name: 'type', pgType: 'text' },
    { name: 'subject', pgType: 'text' },
    { name: 'time', pgType: 'bigint' },
    { name: 'data', pgType: 'text' },
    { name: 'ingested_at', pgType: 'bigint' },
  ],
  onConflict: 'ON CONFLICT (source, id) DO NOTHING',
  generated: { column: 'seq', key: ['source', 'id'] },
};

function toRecord(row: EventRow): EventRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    source: row.source,
    type: row.type,
    subject: row.subject,
    timeMs: Number(row.time),
    data: row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
    ingestedAtMs: Number(row.ingested_at),
  };
}

/** Events in either SQL dialect: batched appends deduplicated by the (source, id) unique constraint. */
export class SqlEventRepository implements EventRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async append(events: readonly NewEventRecord[]): Promise<Array<number | null>> {
    const rows = events.map((e) => [e.source, e.id, e.type, e.subject, e.timeMs, e.dataJson, e.ingestedAtMs]);
    return this.dialect.insertBatch(this.sql, APPEND, rows);
  }

  async appendMerging(events: readonly NewEventRecord[], rollup: RollupMergeInput): Promise<AppendMergeResult> {
    if (rollup.aggregation === 'LATEST') throw new Error('appendMerging cannot merge LATEST cells (they need the events\' seqs)');
    const rows = events.map((e) => [e.source, e.id, e.type, e.subject, e.timeMs, e.dataJson, e.ingestedAtMs]);
    const then = rollupMerge(this.dialect, rollup.meterId, rollup.aggregation, rollup.cells);
    const result = await this.dialect.insertThen(this.sql, APPEND, rows, then);
    return result.merged ? { merged: true, ...(result.generated && { seqs: result.generated }) } : { merged: false, seqs: result.generated };
  }

  async has(source: string, id: string): Promise<boolean> {
    return (await this.sql.query('SELECT 1 AS found FROM tg_events WHERE source = $1 AND id = $2', [source, id])).length > 0;
  }

  async list(query: EventListQuery): Promise<EventRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: number) => string, value: unknown): void => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (query.fromMs !== undefined) add((n) => `time >= $${n}`, query.fromMs);
    if (query.toMs !== undefined) add((n) => `time < $${n}`, query.toMs);
    if (query.subject !== undefined) add((n) => `subject = $${n}`, query.subject);
    if (query.type !== undefined) add((n) => `type = $${n}`, query.type);
    if (query.after !== undefined) {
      params.push(query.after.timeMs, query.after.seq);
      where.push(`(time > $${params.length - 1} OR (time = $${params.length - 1} AND seq > $${params.length}))`);
    }
    params.push(query.limit);
    const rows = await this.sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM tg_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time, seq LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  async scan(query: EventScanQuery): Promise<EventRecord[]> {
    const out: EventRecord[] = [];
    const subjects = query.subjects === null ? '' : ` AND ${this.dialect.inList('subject', 4, 'text')}`;
    const text = `SELECT ${COLUMNS} FROM tg_events WHERE type = $1 AND time >= $2 AND time < $3${subjects}`;
    const list = query.subjects === null ? [] : [this.dialect.listParam(query.subjects)];
    for (const range of query.ranges) {
      const rows = await this.sql.query<EventRow>(text, [query.type, range.from, range.to, ...list]);
      for (const row of rows) out.push(toRecord(row));
    }
    return out;
  }

  async listByType(type: string, afterSeq: number, limit: number): Promise<EventRecord[]> {
    const rows = await this.sql.query<EventRow>(`SELECT ${COLUMNS} FROM tg_events WHERE seq > $1 AND type = $2 ORDER BY seq LIMIT $3`, [afterSeq, type, limit]);
    return rows.map(toRecord);
  }
}
