import { sortByBurnOrder } from './burn-order';
import { parseGrants, type GrantInput, type ParsedGrant } from './grant';

const PREPARED = Symbol.for('tollgate.preparedGrants');

/**
 * Grants validated, read and sorted in burn order once, to pass to `burnDown` as `grants`
 * again and again (a check skips validating them). Immutable; make a new one when a grant changes.
 */
export interface PreparedGrants {
  readonly [PREPARED]: true;
  /** The grants in burn order. */
  readonly grants: readonly ParsedGrant[];
}

/**
 * Validates and reads `grants` once (see {@link parseGrants}), sorted in burn order.
 * @throws ValidationError listing every problem, paths under `path`.
 * @example
 * const prepared = prepareGrants(storedGrants);
 * burnDown({ grants: prepared, usage, from: snapshot.at, to: now });
 */
export function prepareGrants(grants: readonly GrantInput[], path = 'grants'): PreparedGrants {
  return Object.freeze({ [PREPARED]: true as const, grants: Object.freeze(sortByBurnOrder(parseGrants(grants, path))) });
}

/**
 * True when `value` was made by {@link prepareGrants}.
 * @example
 * isPreparedGrants(prepareGrants([])); // true
 * isPreparedGrants([]);                // false
 */
export function isPreparedGrants(value: unknown): value is PreparedGrants {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PREPARED] === true;
}
