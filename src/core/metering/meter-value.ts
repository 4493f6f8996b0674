import type { Aggregation } from './aggregation';
import { type ExactValue, readExactValue } from './exact-value';
import type { JsonPath } from './json-path';

/** What a meter reads from one event: a value it aggregates, or why it ignores the event. */
export type MeterValue =
  | { counted: true; value: ExactValue | string | null }
  | { counted: false; reason: string };

const COUNTED_WITHOUT_VALUE: MeterValue = Object.freeze({ counted: true, value: null });

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'an array';
  if (typeof raw === 'string') return raw === '' ? 'an empty string' : `the string ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}`;
  if (typeof raw === 'object') return 'an object';
  return typeof raw === 'number' ? `the number ${String(raw)}` : `${typeof raw} ${String(raw)}`;
}

/**
 * Reads the value a meter aggregates from one event's data, by the rules of docs/semantics.md "Metering":
 * - COUNT counts every event (its `valueProperty`, if any, is ignored): `value` is null;
 * - SUM, AVG, MIN, MAX, LATEST need a JSON number or a decimal string; anything else (missing,
 *   null, boolean, `""`, `"abc"`, object, array) makes the event invisible to the meter;
 * - UNIQUE_COUNT needs a string (compared case-sensitively, without NUL characters, which no
 *   database stores in text); anything else is invisible.
 *
 * @example
 * const p = compileJsonPath('$.tokens');
 * readMeterValue('SUM', p, { tokens: '0.1' });   // { counted: true, value: '0.1' }
 * readMeterValue('SUM', p, { tokens: 'many' });  // { counted: false, reason: '$.tokens is the string "many", not a number or decimal string' }
 * readMeterValue('COUNT', null, null);           // { counted: true, value: null }
 */
export function readMeterValue(aggregation: Aggregation, path: JsonPath | null, data: Record<string, unknown> | null): MeterValue {
  if (aggregation === 'COUNT' || path === null) return COUNTED_WITHOUT_VALUE;
  const raw = path.read(data);
  if (raw === undefined) return { counted: false, reason: `${path.source} is missing` };
  if (aggregation === 'UNIQUE_COUNT') {
    if (typeof raw !== 'string') return { counted: false, reason: `${path.source} is ${describe(raw)}, not a string` };
    return raw.includes('\u0000') ? { counted: false, reason: `${path.source} contains a NUL character` } : { counted: true, value: raw };
  }
  const value = readExactValue(raw);
  if (value === undefined) return { counted: false, reason: `${path.source} is ${describe(raw)}, not a number or decimal string` };
  return { counted: true, value };
}
