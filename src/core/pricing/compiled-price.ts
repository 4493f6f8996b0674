import type { Decimal } from '../money';
import type { Price } from './price';

/** One tier with its amounts read: `upTo` is `undefined` for the open-ended last tier. @internal */
export interface CompiledTier {
  readonly upTo: Decimal | undefined;
  readonly unitAmount: Decimal;
  readonly flatAmount: Decimal;
}

/** One matrix entry with its amount read. @internal */
export interface CompiledMatrixEntry {
  /** The dimension values, e.g. `{ region: 'eu', model: 'large' }`. */
  readonly match: Readonly<Record<string, string>>;
  readonly amount: Decimal;
}

/** A price model with every amount read as an exact decimal. @internal */
export type CompiledModel =
  | { readonly type: 'unit'; readonly amount: Decimal }
  | { readonly type: 'package'; readonly amount: Decimal; readonly quantityPerPackage: Decimal }
  | { readonly type: 'graduated'; readonly tiers: readonly CompiledTier[] }
  | { readonly type: 'volume'; readonly tiers: readonly CompiledTier[] }
  | { readonly type: 'dynamic'; readonly multiplier: Decimal }
  | {
      readonly type: 'matrix';
      readonly dimensions: readonly string[];
      readonly entries: readonly CompiledMatrixEntry[];
      /** Entry index by `matrixKey(dimensions, match)`. */
      readonly index: ReadonlyMap<string, number>;
    }
  | { readonly type: 'flat'; readonly amount: Decimal; readonly paymentTerm: 'in_advance' | 'in_arrears' };

/**
 * A price validated once and read into exact decimals, ready to be priced many times without
 * re-validation (see `compilePrice`). Treat it as opaque: only `price` is meant to be read.
 */
export interface CompiledPrice {
  /** Brand: tells a compiled price from a price input. */
  readonly kind: 'tollgate.compiled_price';
  /** The price it was compiled from (a validated copy of the input, frozen). */
  readonly price: Readonly<Price>;
  /** @internal */
  readonly model: CompiledModel;
  /** @internal The minimum spend, if any. */
  readonly minimumAmount: Decimal | undefined;
  /** @internal The maximum spend, if any. */
  readonly maximumAmount: Decimal | undefined;
}

/**
 * True when `value` is a {@link CompiledPrice}.
 * @example
 * isCompiledPrice(compilePrice({ type: 'unit', amount: '0.10' })); // true
 * isCompiledPrice({ type: 'unit', amount: '0.10' });               // false
 */
export function isCompiledPrice(value: unknown): value is CompiledPrice {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'tollgate.compiled_price';
}
