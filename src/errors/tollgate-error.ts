const BRAND = Symbol.for('tollgate.error');

/** The stable machine-readable codes of every Tollgate error class. */
export type TollgateErrorCode =
  | 'validation_error'
  | 'not_found'
  | 'conflict'
  | 'state_error'
  | 'concurrency_error';

/**
 * Base class of every error Tollgate throws. Use {@link isTollgateError} rather than `instanceof`
 * when the ESM and CommonJS builds of the package may both be loaded.
 */
export abstract class TollgateError extends Error {
  /** A stable code that identifies the class of error. */
  abstract readonly code: TollgateErrorCode;
  /** Brand shared by the ESM and CJS builds (`Symbol.for`). */
  readonly [BRAND] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * True when `value` is an error thrown by Tollgate (any class, either module format).
 * @example
 * try { await tg.customers.get('nope') } catch (e) { if (isTollgateError(e) && e.code === 'not_found') ... }
 */
export function isTollgateError(value: unknown): value is TollgateError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
