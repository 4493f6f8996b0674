import { type Aggregation, requiresValueProperty } from './aggregation';
import { EMPTY_GROUP_KEY, toGroupValue } from './group-value';
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
  const groupKeyOf =
    paths.length === 0
      ? () => EMPTY_GROUP_KEY
      : (data: Record<string, unknown> | null): string => {
          // The same text as encodeGroupKey(values), built without an intermediate array.
          let key = '[';
          for (let i = 0; i < paths.length; i++) {
            const v = toGroupValue(paths[i]!.read(data));
            key += (i === 0 ? '' : ',') + (v === null ? 'null' : JSON.stringify(v));
          }
          return `${key}]`;
        };
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
