import { ZERO, type Decimal } from '../money';

/**
 * The billable part of a cumulative quantity once `free` units are taken off: max(0, x − free).
 * @internal
 * @example
 * billableQuantity(parseDecimal(120), parseDecimal(100)).toFixed(); // '20'
 * billableQuantity(parseDecimal(80), parseDecimal(100)).toFixed();  // '0'
 */
export function billableQuantity(cumulative: Decimal, free: Decimal): Decimal {
  if (free.isZero()) return cumulative;
  const rest = cumulative.minus(free);
  return rest.isNegative() ? ZERO : rest;
}

/**
 * Usage discount on a part of a period (docs/semantics.md "Pricing"): the free units are consumed by
 * the pre-line quantity first, so the part (pre, pre + q] becomes (pre′, pre′ + q′] with
 * pre′ = max(0, pre − free) and pre′ + q′ = max(0, pre + q − free). @internal
 * @example
 * // 100 free units, 80 already used, 50 more: (0, 30] is billed
 * discountedRange(parseDecimal(80), parseDecimal(50), parseDecimal(100)); // { from: 0, to: 30 }
 */
export function discountedRange(pre: Decimal, quantity: Decimal, free: Decimal): { from: Decimal; to: Decimal } {
  return { from: billableQuantity(pre, free), to: billableQuantity(pre.plus(quantity), free) };
}

/**
 * Usage discount across the combinations of a matrix price: the free units are consumed by the
 * combinations in the order of the price's entries. Given each entry's cumulative quantity,
 * returns each entry's billable cumulative quantity. The result only grows when any quantity
 * grows, so a period billed in parts bills what it bills whole. @internal
 * @example
 * billableByEntry([parseDecimal(30), parseDecimal(50)], parseDecimal(40)); // [0, 40]
 */
export function billableByEntry(cumulative: readonly Decimal[], free: Decimal): Decimal[] {
  let left = free;
  return cumulative.map((x) => {
    if (left.isZero()) return x;
    if (x.lte(left)) {
      left = left.minus(x);
      return ZERO;
    }
    const billable = x.minus(left);
    left = ZERO;
    return billable;
  });
}
