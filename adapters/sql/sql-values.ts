/** Conversions between stored column values and record fields, shared by both dialects. */

/** Instants are stored as integer milliseconds (BIGINT in Postgres, which the driver returns as a string). */
export const toMillis = (date: Date): number => date.getTime();

export function fromMillis(value: unknown): Date {
  return new Date(typeof value === 'number' ? value : Number(value));
}

export function fromNullableMillis(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromMillis(value);
}

/** JSON documents are stored as text, so key order round-trips exactly. */
export const toJson = (value: unknown): string => JSON.stringify(value);

export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** `$start, $start+1, ...` placeholders for an IN list. */
export function placeholders(count: number, start: number): string {
  return Array.from({ length: count }, (_, i) => `$${start + i}`).join(', ');
}
