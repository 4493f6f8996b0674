import { NotFoundError } from '../../errors';

/** True when `ref` has the shape of an id with this prefix (`cus_` + a ULID). */
export function isIdOf(prefix: string, ref: string): boolean {
  return ref.length === prefix.length + 27 && ref.startsWith(`${prefix}_`) && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(ref.slice(prefix.length + 1));
}

/**
 * Resolves a `Ref` (an id or a key): by id when `ref` looks like one of this resource's ids, else
 * (or when no such id exists) by key. NotFoundError naming the resource otherwise.
 */
export async function resolveRef<T>(
  resource: string,
  prefix: string,
  ref: string,
  find: { byId(id: string): Promise<T | undefined>; byKey(key: string): Promise<T | undefined> },
): Promise<T> {
  const byId = isIdOf(prefix, ref) ? await find.byId(ref) : undefined;
  const found = byId ?? (await find.byKey(ref));
  if (found === undefined) throw new NotFoundError(resource, ref);
  return found;
}
