import {
  type CompiledMeter,
  type EventInput,
  type RejectedEvent,
  type ValidEvent,
  ignoredBy,
  isRejected,
  rollupEvents,
  validateEvent,
} from '../../core/metering';
import { ValidationError } from '../../errors';
import { type EventListInput, MAX_INGEST_BATCH, eventListSchema, parseInput } from '../../schema';
import type { EventPosition, EventRecord, NewEventRecord, StorageTransaction } from '../../storage';
import { CompiledMeters } from './compiled-meters';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, encodeCursor, type Page } from '../shared/cursor';
import type { IngestResult, UsageEvent } from './usage-event';
import type { IngestObserver, IngestSession } from './ingest-observer';

const DEFAULT_PAGE = 100;

/** A batch split into the events to store and the rest. */
interface SortedBatch {
  valid: ValidEvent[];
  rejected: RejectedEvent[];
  /** Later copies of an earlier event of the same batch. */
  repeats: number;
}

function sortBatch(batch: readonly unknown[], nowMs: number): SortedBatch {
  const valid: ValidEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const seen = new Map<string, Set<string>>();
  let repeats = 0;
  for (let i = 0; i < batch.length; i++) {
    const result = validateEvent(batch[i], i, nowMs);
    if (isRejected(result)) {
      rejected.push(result);
      continue;
    }
    let ids = seen.get(result.source);
    if (ids === undefined) seen.set(result.source, (ids = new Set()));
    if (ids.has(result.id)) repeats++;
    else {
      ids.add(result.id);
      valid.push(result);
    }
  }
  return { valid, rejected, repeats };
}

function toUsageEvent(record: EventRecord, meters: readonly CompiledMeter[]): UsageEvent {
  return {
    id: record.id,
    source: record.source,
    type: record.type,
    subject: record.subject,
    time: new Date(record.timeMs),
    data: record.data,
    ingestedAt: new Date(record.ingestedAtMs),
    ignoredBy: ignoredBy(meters, record),
  };
}

function decodePosition(cursor: string): EventPosition {
  const text = decodeCursor(cursor);
  const match = /^(-?\d+):(\d+)$/.exec(text);
  if (!match) throw ValidationError.single('cursor', 'invalid_cursor', 'Not a cursor returned by a previous list call');
  return { timeMs: Number(match[1]), seq: Number(match[2]) };
}

/** Stores one validated event inside a caller's transaction (what `entitlements.consume` records through). */
export interface EventRecorder {
  /**
   * Stores `event` as `ingest` would (rollups, ingestion followers), in `tx`. `stored`: false when
   * an event with its (source, id) was stored before. `afterCommit`: what to run once `tx` committed.
   */
  recordIn(tx: StorageTransaction, event: ValidEvent): Promise<{ stored: boolean; afterCommit: () => void }>;
}

/** `tg.events`: usage events in (idempotently), and back out for inspection. */
export class EventsService implements EventRecorder {
  private readonly compiled = new CompiledMeters();

  constructor(
    private readonly ctx: ServiceContext,
    /** Follows ingestion in its transactions (entitlement usage checkpoints and notifications). */
    private readonly observer?: IngestObserver,
  ) {}

  /**
   * Ingests one event or a batch of up to 10,000. Each event is validated on its own: a malformed
   * one is reported in `rejected` (with its index, id, a code and a message) and the valid events
   * of the batch are stored. An event whose (source, id) was stored before, or appears earlier in
   * the batch, counts in `duplicates` and is not stored again. Events count for every meter of
   * their type, in the same transaction that stores them.
   * @throws ValidationError (path `events`, code `too_big`) for more than 10,000 events; nothing is stored.
   * @example
   * const r = await tg.events.ingest([
   *   { id: 'req-1', source: 'api', type: 'llm.completion', subject: 'acme-prod', data: { tokens: 812, model: 'gpt-4o' } },
   *   { id: 'req-2', source: 'api', type: 'llm.completion', subject: 'acme-prod', time: '2024-03-01T12:00:00Z', data: { tokens: '0.5' } },
   * ]);
   * // { accepted: 2, duplicates: 0, rejected: [] }
   */
  async ingest(input: EventInput | readonly EventInput[]): Promise<IngestResult> {
    this.ctx.assertOpen();
    const batch: readonly unknown[] = Array.isArray(input) ? input : [input];
    if (batch.length > MAX_INGEST_BATCH) {
      throw ValidationError.single('events', 'too_big', `At most ${MAX_INGEST_BATCH.toLocaleString('en-US')} events per call, got ${batch.length}`);
    }
    const { valid, rejected, repeats } = sortBatch(batch, this.ctx.clock.now().getTime());
    if (valid.length === 0) return { accepted: 0, duplicates: repeats, rejected };
    let afterCommit: (() => void) | undefined;
    const accepted = await this.ctx.transaction(async (tx) => {
      const session = this.observer?.observe(tx);
      const stored = await this.store(tx, valid, session);
      afterCommit = await session?.finish();
      return stored;
    });
    afterCommit?.();
    return { accepted, duplicates: repeats + valid.length - accepted, rejected };
  }

  /** @internal See {@link EventRecorder.recordIn}. */
  async recordIn(tx: StorageTransaction, event: ValidEvent): Promise<{ stored: boolean; afterCommit: () => void }> {
    const session = this.observer?.observe(tx);
    const stored = await this.store(tx, [event], session);
    const afterCommit = (await session?.finish()) ?? (() => undefined);
    return { stored: stored === 1, afterCommit };
  }

  /**
   * Stored events ordered by time (then ingestion order), filtered by time range, subject and
   * type, a page at a time. Each event lists the meters that ignore it and why.
   * @example
   * let page = await tg.events.list({ subject: 'acme-prod', from: '2024-03-01T00:00:00Z', limit: 100 });
   * while (page.nextCursor) page = await tg.events.list({ subject: 'acme-prod', from: '2024-03-01T00:00:00Z', cursor: page.nextCursor });
   */
  async list(input: EventListInput = {}): Promise<Page<UsageEvent>> {
    const q = parseInput(eventListSchema, input);
    const limit = q.limit ?? DEFAULT_PAGE;
    const after = q.cursor === undefined ? undefined : decodePosition(q.cursor);
    const { rows, meters } = await this.ctx.transaction(async (tx) => {
      const found = await tx.events.list({
        limit: limit + 1,
        ...(q.from && { fromMs: q.from.getTime() }),
        ...(q.to && { toMs: q.to.getTime() }),
        ...(q.subject !== undefined && { subject: q.subject }),
        ...(q.type !== undefined && { type: q.type }),
        ...(after && { after }),
      });
      return { rows: found, meters: await tx.meters.listByEventTypes([...new Set(found.map((e) => e.type))]) };
    });
    const compiled = meters.map((m) => this.compiled.get(m));
    const items = rows.slice(0, limit).map((r) => toUsageEvent(r, compiled));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last ? { items, nextCursor: encodeCursor(`${last.timeMs}:${last.seq}`) } : { items };
  }

  /** Stores the events and updates the rollups of every meter of their types; returns how many were new. */
  private async store(tx: StorageTransaction, valid: readonly ValidEvent[], session?: IngestSession): Promise<number> {
    const meters = (await tx.meters.listByEventTypes([...new Set(valid.map((e) => e.type))])).map((m) => this.compiled.get(m));
    // Where the adapter can, the first meter's rollups go with the append (one statement), computed
    // as if every event were new (they need no seq but for LATEST); on any duplicate they are not
    // merged there, and the loop below merges the cells of the new events instead. When they were
    // merged, the adapter may leave the seqs out: only LATEST cells need them.
    const folded = tx.events.appendMerging && !meters.some((m) => m.aggregation === 'LATEST') ? meters.find((m) => m.aggregation !== 'UNIQUE_COUNT') : undefined;
    let foldedDelta: ReturnType<typeof rollupEvents> | undefined;
    let seqs: Array<number | null> | undefined;
    if (folded !== undefined && tx.events.appendMerging) {
      foldedDelta = rollupEvents(folded, valid.filter((e) => e.type === folded.eventType));
      const result = await tx.events.appendMerging(valid satisfies readonly NewEventRecord[], { meterId: folded.id, aggregation: folded.aggregation, cells: foldedDelta.cells });
      seqs = result.seqs;
      if (!result.merged) foldedDelta = undefined;
    } else {
      // A ValidEvent is also the NewEventRecord to store and, once it has its seq, the metered event.
      seqs = await tx.events.append(valid satisfies readonly NewEventRecord[]);
    }
    const stored = new Map<string, ValidEvent[]>();
    let accepted = 0;
    valid.forEach((e, i) => {
      if (seqs !== undefined) {
        const seq = seqs[i];
        if (seq === null || seq === undefined) return;
        e.seq = seq;
      }
      accepted++;
      let list = stored.get(e.type);
      if (list === undefined) stored.set(e.type, (list = []));
      list.push(e);
    });
    for (const meter of meters) {
      const events = stored.get(meter.eventType);
      if (events === undefined) continue;
      let delta = meter === folded ? foldedDelta : undefined;
      if (delta === undefined) {
        delta = rollupEvents(meter, events);
        await tx.rollups.merge(meter.id, meter.aggregation, delta.cells);
      }
      await tx.rollups.addDistinct(meter.id, delta.distinct);
      await session?.meterStored(meter, events, delta.cells);
    }
    return accepted;
  }
}
