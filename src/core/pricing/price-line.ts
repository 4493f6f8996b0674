import { ONE, ZERO, formatDecimal, formatMoney, type Decimal } from '../money';
import { roundMoney, type PricingContext } from './pricing-context';

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

/** A detailed line while it is computed: exact decimals, `amount` already rounded. @internal */
export interface DetailedLine {
  readonly name: string;
  readonly quantity: Decimal;
  readonly unitAmount?: Decimal;
  readonly amount: Decimal;
  readonly category: PriceLineCategory;
}

/** Sums the (rounded) amounts of `lines`. @internal */
export function sumLines(lines: readonly DetailedLine[]): Decimal {
  let total = ZERO;
  for (const line of lines) total = total.plus(line.amount);
  return total;
}

/** Writes a detailed line as decimal strings: money at `precision`, quantities canonically. @internal */
export function formatLine(line: DetailedLine, precision: number): PriceLine {
  const name = line.name;
  const quantity = formatDecimal(line.quantity);
  const amount = formatMoney(line.amount, precision);
  return line.unitAmount === undefined
    ? { name, quantity, amount, category: line.category }
    : { name, quantity, unitAmount: formatDecimal(line.unitAmount), amount, category: line.category };
}

/**
 * A usage line: `quantity` at `unitAmount`, its amount rounded once. @internal
 * @example
 * usageLine('Usage', parseDecimal(3), parseDecimal('0.125'), ctx).amount.toFixed(); // '0.38' (USD)
 */
export function usageLine(name: string, quantity: Decimal, unitAmount: Decimal, ctx: PricingContext): DetailedLine {
  return { name, quantity, unitAmount, amount: roundMoney(quantity.times(unitAmount), ctx), category: 'usage' };
}

/** A fixed-amount line (quantity 1 at `amount`), its amount rounded once. @internal */
export function flatLine(name: string, amount: Decimal, ctx: PricingContext): DetailedLine {
  return { name, quantity: ONE, unitAmount: amount, amount: roundMoney(amount, ctx), category: 'flat' };
}
