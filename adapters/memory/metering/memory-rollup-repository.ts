import { type Aggregation, mergeCellInto } from '../../../src/core/metering';
import type { DistinctValue, RollupCell, RollupReadQuery, RollupRepository } from '../../../src/storage';
import type { MemoryDatabase, UndoJournal } from '../memory-database';
import { MemoryMeterRollups, type SubjectTree, subjectOf } from './memory-metering-store';

/** Visits the (bucket, subject) leaves a read selects: the queried subjects' ranges, or every subject's. */
function forEachLeaf<V>(tree: SubjectTree<V>, query: RollupReadQuery, visit: (bucket: number, subject: string, leaf: Map<string, V>) => void): void {
  const subjects = query.subjects === null ? [...tree.keys()] : [...new Set(query.subjects)];
  for (const subject of subjects) tree.get(subject)?.forEachIn(query.fromMs, query.toMs, (bucket, leaf) => visit(bucket, subject, leaf));
}

/** Rollups kept in a {@link MemoryDatabase}: merges are journaled, one step per call. */
export class MemoryRollupRepository implements RollupRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  private rollupsOf(meterId: string): MemoryMeterRollups {
    let rollups = this.db.rollups.get(meterId);
    if (rollups === undefined) {
      rollups = new MemoryMeterRollups();
      this.db.rollups.set(meterId, rollups);
    }
    return rollups;
  }

  async merge(meterId: string, _aggregation: Aggregation, cells: readonly RollupCell[]): Promise<void> {
    if (cells.length === 0) return;
    const tree = this.rollupsOf(meterId).cells;
    const created: RollupCell[] = [];
    // Undo of merged cells, flat: the cell, then its count, sum, min, max, latest time, seq, value.
    const undo: unknown[] = [];
    for (const delta of cells) {
      const leaf = subjectOf(tree, delta.subject).leaf(delta.bucket);
      const stored = leaf.get(delta.groupKey);
      if (stored === undefined) {
        leaf.set(delta.groupKey, { ...delta });
        created.push(delta);
      } else {
        undo.push(stored, stored.count, stored.sum, stored.min, stored.max, stored.latestTime, stored.latestSeq, stored.latestValue);
        mergeCellInto(stored, delta);
      }
    }
    this.journal.record(() => {
      for (let i = undo.length - 8; i >= 0; i -= 8) {
        const cell = undo[i] as RollupCell;
        cell.count = undo[i + 1] as number;
        cell.sum = undo[i + 2] as RollupCell['sum'];
        cell.min = undo[i + 3] as RollupCell['min'];
        cell.max = undo[i + 4] as RollupCell['max'];
        cell.latestTime = undo[i + 5] as RollupCell['latestTime'];
        cell.latestSeq = undo[i + 6] as RollupCell['latestSeq'];
        cell.latestValue = undo[i + 7] as RollupCell['latestValue'];
      }
      for (const c of created) tree.get(c.subject)?.delete(c.bucket, c.groupKey);
    });
  }

  async addDistinct(meterId: string, values: readonly DistinctValue[]): Promise<void> {
    if (values.length === 0) return;
    const tree = this.rollupsOf(meterId).distinct;
    const added: DistinctValue[] = [];
    for (const v of values) {
      const leaf = subjectOf(tree, v.subject).leaf(v.bucket);
      let set = leaf.get(v.groupKey);
      if (set === undefined) leaf.set(v.groupKey, (set = new Set()));
      if (!set.has(v.value)) {
        set.add(v.value);
        added.push(v);
      }
    }
    this.journal.record(() => {
      for (const v of added) {
        const buckets = tree.get(v.subject);
        const set = buckets?.byBucket.get(v.bucket)?.get(v.groupKey);
        set?.delete(v.value);
        if (set?.size === 0) buckets!.delete(v.bucket, v.groupKey);
      }
    });
  }

  async read(meterId: string, query: RollupReadQuery): Promise<RollupCell[]> {
    const rollups = this.db.rollups.get(meterId);
    const out: RollupCell[] = [];
    if (rollups !== undefined) forEachLeaf(rollups.cells, query, (_b, _s, leaf) => leaf.forEach((cell) => out.push({ ...cell })));
    return out;
  }

  async readDistinct(meterId: string, query: RollupReadQuery): Promise<DistinctValue[]> {
    const rollups = this.db.rollups.get(meterId);
    const out: DistinctValue[] = [];
    if (rollups !== undefined) {
      forEachLeaf(rollups.distinct, query, (bucket, subject, leaf) =>
        leaf.forEach((set, groupKey) => set.forEach((value) => out.push({ bucket, subject, groupKey, value }))),
      );
    }
    return out;
  }

  async firstBucket(meterId: string): Promise<number | undefined> {
    const rollups = this.db.rollups.get(meterId);
    if (rollups === undefined) return undefined;
    let first = Number.POSITIVE_INFINITY;
    for (const tree of [rollups.cells, rollups.distinct] as const) for (const buckets of tree.values()) first = Math.min(first, buckets.keys[0] ?? first);
    return Number.isFinite(first) ? first : undefined;
  }
}
