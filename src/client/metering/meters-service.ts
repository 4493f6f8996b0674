import { compileMeter, meterDefinitionIssues, type MeterQueryRow } from '../../core/metering';
import { NotFoundError } from '../../errors';
import {
  type MeterCreateInput,
  type MeterListInput,
  type MeterQueryInput,
  meterCreateSchema,
  meterListSchema,
  meterQuerySchema,
  meterRefSchema,
  parseInput,
} from '../../schema';
import type { MeterRecord, StorageTransaction } from '../../storage';
import { CompiledMeters } from './compiled-meters';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, toPage } from '../shared/cursor';
import { ID_PREFIX } from '../shared/ids';
import { type Meter, toMeter } from './meter';
import { backfillMeter } from './meter-backfill';
import { runMeterQuery } from './run-meter-query';

const DEFAULT_PAGE = 100;
const ID_PATTERN = /^mtr_[0-9A-HJKMNP-TV-Z]{26}$/;

/** The result of `tg.meters.query`. */
export interface MeterQueryResult {
  /** One row per non-empty window and group, ordered by window start, then subject, customer and group values. */
  data: MeterQueryRow[];
}

/** Looks a meter up by key (or id) inside a transaction; NotFoundError when neither matches. */
export async function resolveMeter(tx: StorageTransaction, ref: string): Promise<MeterRecord> {
  const byId = ID_PATTERN.test(ref) ? await tx.meters.findById(ref) : undefined;
  const found = byId ?? (await tx.meters.findByKey(ref));
  if (!found) throw new NotFoundError('meter', ref);
  return found;
}

/** `tg.meters`: how events aggregate into usage, and windowed usage queries. */
export class MetersService {
  private readonly compiled = new CompiledMeters();

  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Creates a meter. It sees every stored event of its type, including those ingested before it
   * existed. Key, event type, aggregation, value property and dimensions never change afterwards.
   * @throws ValidationError for a bad key, a missing or unparsable value property, a bad
   *   dimension; ConflictError (target `meter.key`) when the key is taken (archived meters too).
   * @example
   * await tg.meters.create({ key: 'llm_tokens', eventType: 'llm.completion', aggregation: 'SUM',
   *   valueProperty: '$.tokens', groupBy: { model: '$.model' } });
   */
  async create(input: MeterCreateInput): Promise<Meter> {
    // The metering core's checks (paths compile, value property required) run on the raw input, so
    // their issues are listed with the schema's in one ValidationError.
    const data = parseInput(meterCreateSchema, input, { extraChecks: meterDefinitionIssues });
    const record: MeterRecord = {
      id: this.ctx.ids(ID_PREFIX.meter),
      key: data.key,
      name: data.name ?? null,
      eventType: data.eventType,
      aggregation: data.aggregation,
      valueProperty: data.valueProperty ?? null,
      groupBy: data.groupBy ?? {},
      createdAt: this.ctx.clock.now(),
      archivedAt: null,
    };
    const compiled = compileMeter(record);
    await this.ctx.transaction(async (tx) => {
      await tx.meters.insert(record);
      await backfillMeter(tx, compiled);
    });
    const meter = toMeter(record);
    this.ctx.notifier.emit('meter.created', { meter });
    return meter;
  }

  /**
   * The meter with this key (or id), archived ones too.
   * @example
   * const m = await tg.meters.get('llm_tokens');
   */
  async get(ref: string): Promise<Meter> {
    const meterRef = parseInput(meterRefSchema, ref, { prefix: 'ref' });
    return toMeter(await this.ctx.transaction((tx) => resolveMeter(tx, meterRef)));
  }

  /**
   * Meters in creation order, a page at a time; archived ones only with `includeArchived`.
   * @example
   * const { items, nextCursor } = await tg.meters.list({ limit: 50 });
   */
  async list(input: MeterListInput = {}): Promise<Page<Meter>> {
    const data = parseInput(meterListSchema, input);
    const limit = data.limit ?? DEFAULT_PAGE;
    const afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    const rows = await this.ctx.transaction((tx) =>
      tx.meters.list({ limit: limit + 1, includeArchived: data.includeArchived ?? false, ...(afterId && { afterId }) }),
    );
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map(toMeter) };
  }

  /**
   * Archives a meter: it leaves `list()`, and its history stays queryable (events of its type keep
   * counting, so late events are never lost). Archiving twice is a no-op.
   * @example
   * await tg.meters.archive('llm_tokens');
   */
  async archive(ref: string): Promise<Meter> {
    const meterRef = parseInput(meterRefSchema, ref, { prefix: 'ref' });
    const { record, changed } = await this.ctx.transaction(async (tx) => {
      const current = await resolveMeter(tx, meterRef);
      if (current.archivedAt) return { record: current, changed: false };
      const next = { ...current, archivedAt: this.ctx.clock.now() };
      await tx.meters.update(next);
      return { record: next, changed: true };
    });
    const meter = toMeter(record);
    if (changed) this.ctx.notifier.emit('meter.archived', { meter });
    return meter;
  }

  /**
   * Aggregated usage over `[from, to)`: one row per group without `windowSize`; with it, one row
   * per non-empty window, aligned in `windowTimeZone` (DST-correct) and reported whole. Filter and
   * split by `subject` or `customer` (attribution by the customers' subject keys, evaluated now),
   * split by dimensions with `groupBy`, filter with `filterGroupBy`.
   * @throws ValidationError for unknown dimensions, window sizes or zones, or `from` after `to`;
   *   NotFoundError for an unknown meter or customer.
   * @example
   * const { data } = await tg.meters.query('llm_tokens', {
   *   from: '2024-03-01T00:00:00-05:00', to: '2024-04-01T00:00:00-04:00',
   *   windowSize: 'DAY', windowTimeZone: 'America/New_York', customer: ['acme'], groupBy: ['model'],
   * });
   * // [{ value: '1520', windowStart: 2024-03-01T05:00:00Z, windowEnd: ..., customerId: 'cus_...', groupBy: { model: 'gpt-4o' } }, ...]
   */
  async query(ref: string, input: MeterQueryInput = {}): Promise<MeterQueryResult> {
    const meterRef = parseInput(meterRefSchema, ref, { prefix: 'ref' });
    const query = parseInput(meterQuerySchema, input);
    const data = await this.ctx.transaction(async (tx) => {
      const meter = this.compiled.get(await resolveMeter(tx, meterRef));
      return runMeterQuery(tx, meter, query, this.ctx.clock.now().getTime());
    });
    return { data };
  }

}
