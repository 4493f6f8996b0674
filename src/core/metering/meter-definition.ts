import { type Aggregation, requiresValueProperty } from './aggregation';
import { EMPTY_GROUP_KEY, encodeGroupKey, toGroupValue } from './group-value';
import { type JsonPath, compileJsonPath } from './json-path';
import { type ExactValue, readExactValue } from './exact-value';
import { type MeterValue, readMeterValue } from './meter-value';

/** The parts of a meter that decide what it counts (a storage record fits). */
export interface MeterSpec {
  id: string;
  key: string;
  eventType: string;
  aggregation: Aggregation;
  valueProperty: string | null;
  groupBy: Record<string, string>;
}

/** What a compiled meter reads from one event. */
export type MeterReading = MeterValue & {
  /** The event's group values in {@link CompiledMeter.dimensions} order, as a stored key. */
  groupKey: string;
};

/** A meter ready to evaluate events quickly: paths compiled once. */
export interface CompiledMeter {
  readonly id: string;
  readonly key: string;
  readonly eventType: string;
  readonly aggregation: Aggregation;
  /** The value path (null for COUNT: its value property, if any, is ignored). */
  readonly valuePath: JsonPath | null;
  /** Dimension names, sorted: the order of group values in a group key. */
  readonly dimensions: readonly string[];
  /** Reads the value and the group key of one event's data. */
  read(data: Record<string, unknown> | null): MeterReading;
  /**
   * The hot-path half of {@link CompiledMeter.read}: the value the meter aggregates (`null` for
   * COUNT), or `undefined` when the meter ignores the event. No allocation.
   */
  valueOf(data: Record<string, unknown> | null): ExactValue | string | null | undefined;
  /** The group key of one event's data (the other half of {@link CompiledMeter.read}). */
  groupKeyOf(data: Record<string, unknown> | null): string;
}

/**
 * Compiles a meter's JSONPaths once, for evaluating many events. Dimensions are kept in sorted
 * name order, which is the order of the values in a stored group key.
 * @throws {@link ValidationError} `invalid_json_path` at `valueProperty` or `groupBy.<name>`.
 * @example
 * const m = compileMeter({ id: 'mtr_1', key: 'tokens', eventType: 'llm', aggregation: 'SUM',
 *   valueProperty: '$.tokens', groupBy: { model: '$.model' } });
 * m.read({ tokens: 5, model: 'gpt' }); // { counted: true, value: 5, groupKey: '["gpt"]' }
 */
export function compileMeter(spec: MeterSpec): CompiledMeter {
  const valuePath =
    requiresValueProperty(spec.aggregation) && spec.valueProperty !== null ? compileJsonPath(spec.valueProperty, 'valueProperty') : null;
  const dimensions = Object.keys(spec.groupBy).sort();
  const paths = dimensions.map((name) => compileJsonPath(spec.groupBy[name], `groupBy.${name}`));
  const groupKeyOf = paths.length === 0 ? () => EMPTY_GROUP_KEY : groupKeyReader(paths);
  const valueOf = valueReader(spec.aggregation, valuePath);
  return Object.freeze({
    id: spec.id,
    key: spec.key,
    eventType: spec.eventType,
    aggregation: spec.aggregation,
    valuePath,
    dimensions: Object.freeze(dimensions),
    read: (data: Record<string, unknown> | null): MeterReading => {
      const value = readMeterValue(spec.aggregation, valuePath, data);
      return value.counted ? { counted: true, value: value.value, groupKey: groupKeyOf(data) } : { ...value, groupKey: '' };
    },
    valueOf,
    groupKeyOf,
  });
}

/** How many group keys a compiled meter remembers before it starts over. */
const GROUP_KEY_CACHE_SIZE = 4096;

/**
 * The group-key reader of a meter with dimensions. Keys are remembered in a tree of group values
 * (bounded), so the common case builds no string and hands back the same key instance for the same
 * values: later map lookups by that key compare pointers and reuse its hash.
 */
function groupKeyReader(paths: readonly JsonPath[]): (data: Record<string, unknown> | null) => string {
  let root = new Map<string | null, unknown>();
  let size = 0;
  const values: Array<string | null> = new Array<string | null>(paths.length).fill(null);
  const last = paths.length - 1;
  return (data) => {
    let node = root;
    for (let i = 0; i < last; i++) {
      const v = toGroupValue(paths[i]!.read(data));
      values[i] = v;
      let child = node.get(v) as Map<string | null, unknown> | undefined;
      if (child === undefined) node.set(v, (child = new Map()));
      node = child;
    }
    const v = toGroupValue(paths[last]!.read(data));
    const cached = node.get(v) as string | undefined;
    if (cached !== undefined) return cached;
    values[last] = v;
    const key = encodeGroupKey(values);
    if (++size > GROUP_KEY_CACHE_SIZE) {
      root = new Map();
      size = 0;
    } else node.set(v, key);
    return key;
  };
}

/** The allocation-free value reader of an aggregation: the same rules as {@link readMeterValue}. */
function valueReader(aggregation: Aggregation, path: JsonPath | null): (data: Record<string, unknown> | null) => ExactValue | string | null | undefined {
  if (aggregation === 'COUNT' || path === null) return () => null;
  if (aggregation === 'UNIQUE_COUNT') {
    return (data) => {
      const raw = path.read(data);
      return typeof raw === 'string' && !raw.includes('\u0000') ? raw : undefined;
    };
  }
  return (data) => readExactValue(path.read(data));
}
