import { type Aggregation, ROLLUP_BUCKET_MS, mergeCellInto } from '../../src/core/metering';
import type { DistinctValue, RollupCell, RollupReadQuery, RollupRepository } from '../../src/storage';
import type { MemoryDatabase, UndoJournal } from './memory-database';
import { type BucketTree, MemoryMeterRollups, deleteLeaf, leafOf } from './memory-metering-store';

/** Visits the (bucket, subject) leaves of a tree that a read selects. */
function forEachLeaf<V>(tree: BucketTree<V>, query: RollupReadQuery, visit: (bucket: number, subject: string, leaf: Map<string, V>) => void): void {
  const visitBucket = (bucket: number, bySubject: Map<string, Map<string, V>>): void => {
    if (query.subjects === null) {
      for (const [subject, leaf] of bySubject) visit(bucket, subject, leaf);
    } else {
      for (const subject of query.subjects) {
        const leaf = bySubject.get(subject);
        if (leaf !== undefined) visit(bucket, subject, leaf);
      }
    }
  };
  const hours = (query.toMs - query.fromMs) / ROLLUP_BUCKET_MS;
  if (hours <= tree.size) {
    const first = Math.ceil(query.fromMs / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
    for (let bucket = first; bucket < query.toMs; bucket += ROLLUP_BUCKET_MS) {
      const bySubject = tree.get(bucket);
      if (bySubject !== undefined) visitBucket(bucket, bySubject);
    }
  } else {
    for (const [bucket, bySubject] of tree) if (bucket >= query.fromMs && bucket < query.toMs) visitBucket(bucket, bySubject);
  }
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
    const changed: Array<[RollupCell, RollupCell]> = [];
    for (const delta of cells) {
      const leaf = leafOf(tree, delta.bucket, delta.subject);
      const stored = leaf.get(delta.groupKey);
      if (stored === undefined) {
        leaf.set(delta.groupKey, { ...delta });
        created.push(delta);
      } else {
        changed.push([stored, { ...stored }]);
        mergeCellInto(stored, delta);
      }
    }
    this.journal.record(() => {
      for (let i = changed.length - 1; i >= 0; i--) Object.assign(changed[i]![0], changed[i]![1]);
      for (const c of created) deleteLeaf(tree, c.bucket, c.subject, c.groupKey);
    });
  }

  async addDistinct(meterId: string, values: readonly DistinctValue[]): Promise<void> {
    if (values.length === 0) return;
    const tree = this.rollupsOf(meterId).distinct;
    const added: DistinctValue[] = [];
    for (const v of values) {
      const leaf = leafOf(tree, v.bucket, v.subject);
      let set = leaf.get(v.groupKey);
      if (set === undefined) leaf.set(v.groupKey, (set = new Set()));
      if (!set.has(v.value)) {
        set.add(v.value);
        added.push(v);
      }
    }
    this.journal.record(() => {
      for (const v of added) {
        const set = tree.get(v.bucket)?.get(v.subject)?.get(v.groupKey);
        set?.delete(v.value);
        if (set?.size === 0) deleteLeaf(tree, v.bucket, v.subject, v.groupKey);
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
    for (const bucket of rollups.cells.keys()) first = Math.min(first, bucket);
    for (const bucket of rollups.distinct.keys()) first = Math.min(first, bucket);
    return Number.isFinite(first) ? first : undefined;
  }
}
