import { ValidationError } from '../../errors';

/** Opaque pagination cursors: base64url of `{ a: lastId }`. */
export function encodeCursor(afterId: string): string {
  return Buffer.from(JSON.stringify({ a: afterId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, path = 'cursor'): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after = (value as { a?: unknown } | null)?.a;
    if (typeof after === 'string' && after.length > 0) return after;
  } catch {
    // fall through to the typed error
  }
  throw ValidationError.single(path, 'invalid_cursor', 'Not a cursor returned by a previous list call');
}

/** A page of results; `nextCursor` is present when there may be more. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(items[items.length - 1]!.id) };
}
