import { CellAccumulator } from './cell-accumulator';
import { decodeGroupKey } from './group-value';
import type { CompiledMeter } from './meter-definition';
import type { MeteredEvent } from './rollup-batch';
import { type DistinctValue, type RollupCell, bucketOf } from './rollup-cell';
import type { WindowPlan } from './window-plan';

/** One row of a meter query. */
export interface MeterQueryRow {
  /** The aggregated value, a canonical decimal string. */
  value: string;
  windowStart: Date;
  windowEnd: Date;
  /** Set when the query splits by subject. */
  subject?: string;
  /** Set when the query splits by customer (left out for usage no customer owns). */
  customerId?: string;
  /** The requested dimensions' values (`null` for a missing property). */
  groupBy: Record<string, string | null>;
}

/** What to compute from the data a plan selected. */
export interface MeterQuerySpec {
  meter: CompiledMeter;
  plan: WindowPlan;
  /** Meter dimensions to split by, in the order asked. */
  groupBy: readonly string[];
  /** Split rows by subject. */
  splitBySubject: boolean;
  /** Split rows by customer: the owner of each subject (subjects no one owns are absent). */
  customerOf: ReadonlyMap<string, string> | null;
  /** Count only these subjects (null: all). */
  subjects: ReadonlySet<string> | null;
  /** Keep only group values in these lists, per dimension (several dimensions AND together). */
  filters: Readonly<Record<string, readonly string[]>>;
}

/** The data a plan selected: rollup cells of the plan's range, distinct values, raw events of its raw ranges. */
export interface MeterQueryData {
  cells: readonly RollupCell[];
  distinct: readonly DistinctValue[];
  events: readonly MeteredEvent[];
}

interface GroupInfo {
  pass: boolean;
  key: string;
  values: Array<string | null>;
}

interface Output {
  window: number;
  subject: string | undefined;
  customerId: string | undefined;
  values: Array<string | null>;
  acc: CellAccumulator | null;
  set: Set<string> | null;
}

/** Resolves a stored group key once per query: filters, and the requested values. */
function groupResolver(spec: MeterQuerySpec): (groupKey: string) => GroupInfo {
  const dims = spec.meter.dimensions;
  const picks = spec.groupBy.map((d) => dims.indexOf(d));
  const filters = Object.entries(spec.filters).map(([d, allowed]) => ({ at: dims.indexOf(d), allowed: new Set(allowed) }));
  const cache = new Map<string, GroupInfo>();
  return (groupKey) => {
    let info = cache.get(groupKey);
    if (info === undefined) {
      const all = decodeGroupKey(groupKey);
      const pass = filters.every((f) => {
        const v = all[f.at];
        return v !== null && v !== undefined && f.allowed.has(v);
      });
      const values = picks.map((i) => all[i] ?? null);
      info = { pass, key: JSON.stringify(values), values };
      cache.set(groupKey, info);
    }
    return info;
  };
}

const compareNullable = (a: string | null | undefined, b: string | null | undefined): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
};

function compareOutputs(a: Output, b: Output): number {
  if (a.window !== b.window) return a.window - b.window;
  const bySubject = compareNullable(a.subject, b.subject);
  if (bySubject !== 0) return bySubject;
  const byCustomer = compareNullable(a.customerId, b.customerId);
  if (byCustomer !== 0) return byCustomer;
  for (let i = 0; i < a.values.length; i++) {
    const c = compareNullable(a.values[i], b.values[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Computes a meter query's rows from the data its plan selected: rollup cells whose hour lies
 * inside one window, distinct values (UNIQUE_COUNT), and raw events for the rest. Rows are split by
 * window, subject and customer when asked, and by the requested dimensions; windows and groups with
 * nothing counted have no row. Ordered by window start, then subject, customer and group values.
 *
 * @example
 * const rows = aggregateMeterQuery(spec, { cells, distinct: [], events: [] });
 * rows[0]; // { value: '42', windowStart, windowEnd, groupBy: { model: 'gpt-4o' } }
 */
export function aggregateMeterQuery(spec: MeterQuerySpec, data: MeterQueryData): MeterQueryRow[] {
  const { meter, plan } = spec;
  const unique = meter.aggregation === 'UNIQUE_COUNT';
  const groupOf = groupResolver(spec);
  const outputs = new Map<string, Output>();

  const slot = (window: number, subject: string, groupKey: string): Output | undefined => {
    if (spec.subjects !== null && !spec.subjects.has(subject)) return undefined;
    const group = groupOf(groupKey);
    if (!group.pass) return undefined;
    const s = spec.splitBySubject ? subject : undefined;
    const c = spec.customerOf === null ? undefined : spec.customerOf.get(subject);
    const key = `${window}\u0001${s ?? ''}\u0001${c ?? ''}\u0001${group.key}`;
    let out = outputs.get(key);
    if (out === undefined) {
      out = { window, subject: s, customerId: c, values: group.values, acc: unique ? null : new CellAccumulator(meter.aggregation), set: unique ? new Set() : null };
      outputs.set(key, out);
    }
    return out;
  };

  for (const cell of data.cells) {
    const w = plan.windowOfBucket(cell.bucket);
    if (w >= 0) slot(w, cell.subject, cell.groupKey)?.acc?.addCell(cell);
  }
  for (const d of data.distinct) {
    const w = plan.windowOfBucket(d.bucket);
    if (w >= 0) slot(w, d.subject, d.groupKey)?.set?.add(d.value);
  }
  for (const event of data.events) {
    if (plan.windowOfBucket(bucketOf(event.timeMs)) >= 0) continue;
    const w = plan.windowOfTime(event.timeMs);
    if (w < 0) continue;
    const reading = meter.read(event.data);
    if (!reading.counted) continue;
    const out = slot(w, event.subject, reading.groupKey);
    if (out === undefined) continue;
    if (out.set !== null) out.set.add(reading.value as string);
    else out.acc!.addValue(reading.value, event.timeMs, event.seq);
  }
  return toRows(spec, [...outputs.values()].sort(compareOutputs));
}

function toRows(spec: MeterQuerySpec, outputs: readonly Output[]): MeterQueryRow[] {
  const rows: MeterQueryRow[] = [];
  for (const out of outputs) {
    const value = out.set !== null ? (out.set.size > 0 ? String(out.set.size) : undefined) : out.acc!.result();
    if (value === undefined) continue;
    const w = spec.plan.windows[out.window]!;
    const groupBy: Record<string, string | null> = {};
    spec.groupBy.forEach((d, i) => (groupBy[d] = out.values[i] ?? null));
    const row: MeterQueryRow = { value, windowStart: new Date(w.start), windowEnd: new Date(w.end), groupBy };
    if (out.subject !== undefined) row.subject = out.subject;
    if (out.customerId !== undefined) row.customerId = out.customerId;
    rows.push(row);
  }
  return rows;
}
