import { ONE, ZERO, parseDecimal, type Decimal } from '../money';
import type { CompiledModel, CompiledPrice, CompiledTier } from './compiled-price';
import { isCompiledPrice } from './compiled-price';
import { matrixKey } from './matrix-key';
import type { MatrixPrice, Price, Tier } from './price';
import { parsePrice } from './validate-price';

/**
 * Validates a price once and reads it into exact decimals, so that it can be priced many times
 * (`priceUsage(compiled, ...)`) without being validated again. A compiled price is immutable and
 * independent of the input object (later changes to the input do not affect it). Compiling a
 * compiled price returns it unchanged.
 *
 * @param price - any price (`UsagePrice | FlatPrice`).
 * @param path - where the price sits in the caller's input, reported in errors.
 * @throws ValidationError listing every problem of the price (see `validatePrice`).
 * @example
 * const compiled = compilePrice({ type: 'unit', amount: '0.10' });
 * priceUsage(compiled, { quantity: 25, currency: 'USD' }).amount; // '2.50'
 */
export function compilePrice(price: Price | CompiledPrice, path = ''): CompiledPrice {
  if (isCompiledPrice(price)) return price;
  const valid = parsePrice(price, path);
  return compileValidPrice(valid);
}

/**
 * Compiles a price that has already passed the price schema. `price` must be the schema's output
 * (a fresh copy, not the caller's object): it is kept, frozen when `freeze` is true. @internal
 */
export function compileValidPrice(price: Price, freeze = true): CompiledPrice {
  const copy = freeze ? deepFreeze(price) : price;
  const limits = 'minimumAmount' in price || 'maximumAmount' in price ? (price as { minimumAmount?: unknown; maximumAmount?: unknown }) : {};
  const compiled: CompiledPrice = {
    kind: 'tollgate.compiled_price' as const,
    price: copy,
    model: compileModel(price),
    minimumAmount: optionalDecimal(limits.minimumAmount),
    maximumAmount: optionalDecimal(limits.maximumAmount),
  };
  return freeze ? Object.freeze(compiled) : compiled;
}

function compileModel(price: Price): CompiledModel {
  switch (price.type) {
    case 'unit':
      return { type: 'unit', amount: parseDecimal(price.amount) };
    case 'package':
      return { type: 'package', amount: parseDecimal(price.amount), quantityPerPackage: parseDecimal(price.quantityPerPackage) };
    case 'tiered':
      return { type: price.mode, tiers: Object.freeze(price.tiers.map(compileTier)) };
    case 'dynamic':
      return { type: 'dynamic', multiplier: price.multiplier === undefined ? ONE : parseDecimal(price.multiplier) };
    case 'matrix':
      return compileMatrix(price);
    case 'flat':
      return { type: 'flat', amount: parseDecimal(price.amount), paymentTerm: price.paymentTerm ?? 'in_advance' };
  }
}

function compileTier(tier: Tier): CompiledTier {
  return Object.freeze({
    upTo: optionalDecimal(tier.upTo),
    unitAmount: tier.unitAmount === undefined ? ZERO : parseDecimal(tier.unitAmount),
    flatAmount: tier.flatAmount === undefined ? ZERO : parseDecimal(tier.flatAmount),
  });
}

function compileMatrix(price: MatrixPrice): CompiledModel {
  const dimensions = Object.freeze([...price.dimensions]);
  const entries = Object.freeze(
    price.entries.map((entry) => Object.freeze({ match: Object.freeze({ ...entry.match }), amount: parseDecimal(entry.amount) })),
  );
  const index = new Map<string, number>();
  entries.forEach((entry, i) => index.set(matrixKey(dimensions, entry.match), i));
  return { type: 'matrix', dimensions, entries, index };
}

function optionalDecimal(value: unknown): Decimal | undefined {
  return value === undefined ? undefined : parseDecimal(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
