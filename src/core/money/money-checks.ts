import type { Decimal } from './decimal';

// These are programming errors (an amount not rounded to its minor unit, a precision that is not
// an integer): the library never produces them from user input, which is validated before it
// reaches money arithmetic. So they are plain Errors, not ValidationErrors a caller would handle.

/** Refuses a precision that is not a non-negative integer. @internal */
export function assertPrecision(fn: string, precision: number): void {
  if (!Number.isSafeInteger(precision) || precision < 0) {
    throw new Error(`${fn}: precision must be a non-negative integer, got ${String(precision)}`);
  }
}

/** Refuses a decimal that is not finite. @internal */
export function assertFinite(fn: string, d: Decimal): void {
  if (!d.isFinite()) throw new Error(`${fn}: cannot use a non-finite decimal (${d.toString()})`);
}

/** Refuses an amount with more decimal places than `precision`: money is rounded before it is split or formatted. @internal */
export function assertRounded(fn: string, d: Decimal, precision: number): void {
  if (d.decimalPlaces() > precision) {
    throw new Error(`${fn}: ${d.toFixed()} has ${d.decimalPlaces()} decimal places, more than the precision ${precision}; round it before formatting or splitting`);
  }
}
