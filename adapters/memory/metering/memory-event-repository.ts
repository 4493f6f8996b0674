import type { EventListQuery, EventRecord, EventRepository, EventScanQuery, NewEventRecord } from '../../../src/storage';
import type { MemoryDatabase, UndoJournal } from '../memory-database';
import type { HourIndex } from './memory-metering-store';

/** Events kept in a {@link MemoryDatabase}: one journal step undoes a whole append. */
export class MemoryEventRepository implements EventRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async append(events: readonly NewEventRecord[]): Promise<Array<number | null>> {
    const store = this.db.events;
    const first = store.size + 1;
    const seqs: Array<number | null> = [];
    let source: string | undefined;
    let ids: Map<string, number> | undefined;
    for (const e of events) {
      // Batches usually come from one source: look its index up once per run of the same source.
      if (e.source !== source || ids === undefined) ids = store.idsOf((source = e.source));
      if (ids.has(e.id)) {
        seqs.push(null);
        continue;
      }
      const seq = store.push(e);
      ids.set(e.id, seq);
      store.timeline.add(seq);
      store.indexOf(e.type, e.subject).add(seq);
      seqs.push(seq);
    }
    if (store.size >= first) {
      this.journal.record(() => {
        for (let seq = store.size; seq >= first; seq--) {
          const i = seq - 1;
          store.indexOf(store.types[i]!, store.subjects[i]!).remove(seq);
          store.timeline.remove(seq);
          store.idsOf(store.sources[i]!).delete(store.ids[i]!);
          store.pop();
        }
      });
    }
    return seqs;
  }

  async has(source: string, id: string): Promise<boolean> {
    return this.db.events.idsOf(source).has(id);
  }

  async list(query: EventListQuery): Promise<EventRecord[]> {
    const store = this.db.events;
    const out: EventRecord[] = [];
    const from = query.fromMs ?? Number.NEGATIVE_INFINITY;
    const to = query.toMs ?? Number.POSITIVE_INFINITY;
    for (const seq of store.timeline.range(Math.max(from, query.after?.timeMs ?? from), to, query.after)) {
      if (query.subject !== undefined && store.subjects[seq - 1] !== query.subject) continue;
      if (query.type !== undefined && store.types[seq - 1] !== query.type) continue;
      out.push(store.record(seq));
      if (out.length >= query.limit) break;
    }
    return out;
  }

  async scan(query: EventScanQuery): Promise<EventRecord[]> {
    const store = this.db.events;
    const bySubject = store.byTypeSubject.get(query.type);
    if (bySubject === undefined) return [];
    const indexes: Array<HourIndex | undefined> = query.subjects === null ? [...bySubject.values()] : [...new Set(query.subjects)].map((s) => bySubject.get(s));
    const out: EventRecord[] = [];
    for (const index of indexes) {
      if (index === undefined) continue;
      for (const range of query.ranges) for (const seq of index.range(range.from, range.to)) out.push(store.record(seq));
    }
    return out;
  }

  async listByType(type: string, afterSeq: number, limit: number): Promise<EventRecord[]> {
    const store = this.db.events;
    const out: EventRecord[] = [];
    for (let seq = Math.max(0, afterSeq) + 1; seq <= store.size && out.length < limit; seq++) {
      if (store.types[seq - 1] === type) out.push(store.record(seq));
    }
    return out;
  }
}
