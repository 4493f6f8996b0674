import { ONE, type Decimal } from '../money';
import { formatMinorUnits, toMinorUnits, type MinorUnits } from './minor-units';
import type { PricingContext } from './pricing-context';

/**
 * What a detailed line bills: `usage` (a quantity at a unit amount), `flat` (a fixed amount, e.g. a
 * tier's flat amount or a flat fee), `commitment` (a minimum-spend shortfall) or `discount` (a
 * negative amount: the maximum-spend cap, a percentage discount, a coupon).
 */
export type PriceLineCategory = 'usage' | 'flat' | 'commitment' | 'discount';

/**
 * One detailed line, as returned by `priceUsage` and inside every invoice line. `amount` is rounded
 * to the currency's minor units; when `unitAmount` is present, `amount` = round(quantity × unitAmount).
 */
export interface PriceLine {
  /** What the line is, e.g. `Tier 2 usage`, `Tier 1 flat fee`, `Minimum spend`. */
  name: string;
  /** The quantity billed (units, packages, or `1` for a fixed amount); never rounded. */
  quantity: string;
  /** The price of one unit of `quantity`, as given in the catalog (not rounded). */
  unitAmount?: string;
  /** The amount, in the currency's minor units; negative for a discount. */
  amount: string;
  category: PriceLineCategory;
}

/** A detailed line while it is computed: exact decimals, `amount` already rounded to minor units. @internal */
export interface DetailedLine {
  readonly name: string;
  readonly quantity: Decimal;
  readonly unitAmount?: Decimal;
  /** In minor units of the currency. */
  readonly amount: MinorUnits;
  readonly category: PriceLineCategory;
}

/** Sums the (rounded) amounts of `lines`. @internal */
export function sumLines(lines: readonly DetailedLine[]): MinorUnits {
  let total = 0n;
  for (const line of lines) total += line.amount;
  return total;
}

/** Writes a detailed line as decimal strings: money at `precision`, quantities canonically. @internal */
export function formatLine(line: DetailedLine, precision: number): PriceLine {
  const name = line.name;
  const quantity = formatQuantity(line.quantity);
  const amount = formatMinorUnits(line.amount, precision);
  return line.unitAmount === undefined
    ? { name, quantity, amount, category: line.category }
    : { name, quantity, unitAmount: formatQuantity(line.unitAmount), amount, category: line.category };
}

/** A quantity or a unit amount in canonical form (`formatDecimal`), for finite decimals. */
function formatQuantity(d: Decimal): string {
  return d.isZero() ? '0' : d.toFixed();
}

/**
 * A usage line: `quantity` at `unitAmount`, its amount rounded once. @internal
 * @example
 * usageLine('Usage', parseDecimal(3), parseDecimal('0.125'), usd).amount; // 38n (0.375 → 0.38)
 */
export function usageLine(name: string, quantity: Decimal, unitAmount: Decimal, ctx: PricingContext): DetailedLine {
  const amount = unitAmount.isZero() ? 0n : toMinorUnits(quantity.times(unitAmount), ctx);
  return { name, quantity, unitAmount, amount, category: 'usage' };
}

/** A fixed-amount line (quantity 1 at `amount`), its amount rounded once. @internal */
export function flatLine(name: string, amount: Decimal, ctx: PricingContext): DetailedLine {
  return { name, quantity: ONE, unitAmount: amount, amount: toMinorUnits(amount, ctx), category: 'flat' };
}
