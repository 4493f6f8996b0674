/**
 * The group value of a dimension: `null` for a missing property or JSON null; a string as is;
 * other scalars as JavaScript's `String()` writes them (`5` and `"5"` share a group, `true` is
 * `"true"`); objects and arrays as their JSON text.
 * @example
 * toGroupValue(5);         // '5'
 * toGroupValue(undefined); // null
 * toGroupValue({ a: 1 });  // '{"a":1}'
 */
export function toGroupValue(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'object') return JSON.stringify(raw) ?? null;
  return String(raw);
}

/** The stored key of a list of group values (in the meter's dimension order): JSON text. */
export function encodeGroupKey(values: readonly (string | null)[]): string {
  let key = '[';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    key += (i === 0 ? '' : ',') + (v === null || v === undefined ? 'null' : JSON.stringify(v));
  }
  return `${key}]`;
}

/** The group values of a stored key. */
export function decodeGroupKey(key: string): Array<string | null> {
  return JSON.parse(key) as Array<string | null>;
}

/** The key of a meter without dimensions. */
export const EMPTY_GROUP_KEY = '[]';
