import type { EventListQuery, EventRecord, EventRepository, EventScanQuery, NewEventRecord } from '../../src/storage';
import type { MemoryDatabase, UndoJournal } from './memory-database';
import type { MemoryEvent } from './memory-metering-store';

function toRecord(e: MemoryEvent): EventRecord {
  return {
    seq: e.seq,
    id: e.id,
    source: e.source,
    type: e.type,
    subject: e.subject,
    timeMs: e.timeMs,
    data: e.dataJson === null ? null : (JSON.parse(e.dataJson) as Record<string, unknown>),
    ingestedAtMs: e.ingestedAtMs,
  };
}

/** Events kept in a {@link MemoryDatabase}: one journal step undoes a whole append. */
export class MemoryEventRepository implements EventRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async append(events: readonly NewEventRecord[]): Promise<Array<number | null>> {
    const store = this.db.events;
    const added: MemoryEvent[] = [];
    const seqs: Array<number | null> = [];
    for (const e of events) {
      const ids = store.idsOf(e.source);
      if (ids.has(e.id)) {
        seqs.push(null);
        continue;
      }
      const stored: MemoryEvent = {
        seq: store.bySeq.length + 1,
        id: e.id,
        source: e.source,
        type: e.type,
        subject: e.subject,
        timeMs: e.timeMs,
        dataJson: e.dataJson,
        ingestedAtMs: e.ingestedAtMs,
      };
      store.bySeq.push(stored);
      ids.set(e.id, stored.seq);
      store.timeline.add(stored);
      store.indexOf(e.type, e.subject).add(stored);
      added.push(stored);
      seqs.push(stored.seq);
    }
    if (added.length > 0) {
      this.journal.record(() => {
        for (let i = added.length - 1; i >= 0; i--) {
          const e = added[i]!;
          store.indexOf(e.type, e.subject).remove(e);
          store.timeline.remove(e);
          store.idsOf(e.source).delete(e.id);
          store.bySeq.pop();
        }
      });
    }
    return seqs;
  }

  async list(query: EventListQuery): Promise<EventRecord[]> {
    const out: EventRecord[] = [];
    const from = query.fromMs ?? Number.NEGATIVE_INFINITY;
    const to = query.toMs ?? Number.POSITIVE_INFINITY;
    for (const e of this.db.events.timeline.range(Math.max(from, query.after?.timeMs ?? from), to, query.after)) {
      if (query.subject !== undefined && e.subject !== query.subject) continue;
      if (query.type !== undefined && e.type !== query.type) continue;
      out.push(toRecord(e));
      if (out.length >= query.limit) break;
    }
    return out;
  }

  async scan(query: EventScanQuery): Promise<EventRecord[]> {
    const bySubject = this.db.events.byTypeSubject.get(query.type);
    if (bySubject === undefined) return [];
    const indexes = query.subjects === null ? [...bySubject.values()] : [...new Set(query.subjects)].map((s) => bySubject.get(s));
    const out: EventRecord[] = [];
    for (const index of indexes) {
      if (index === undefined) continue;
      for (const range of query.ranges) for (const e of index.range(range.from, range.to)) out.push(toRecord(e));
    }
    return out;
  }

  async listByType(type: string, afterSeq: number, limit: number): Promise<EventRecord[]> {
    const out: EventRecord[] = [];
    const all = this.db.events.bySeq;
    for (let i = Math.max(0, afterSeq); i < all.length && out.length < limit; i++) {
      if (all[i]!.type === type) out.push(toRecord(all[i]!));
    }
    return out;
  }
}
