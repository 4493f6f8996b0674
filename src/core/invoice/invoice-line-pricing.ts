import { ONE } from '../money';
import { minorUnitsToDecimal, type MinorUnits } from '../pricing/minor-units';
import { priceFlat } from '../pricing/flat-price';
import { sumLines, type DetailedLine } from '../pricing/price-line';
import type { PricingContext } from '../pricing/pricing-context';
import { priceRequest } from '../pricing/usage-lines';
import { withMinimumAmount } from '../pricing/usage-request';
import { percentageDiscountLine } from './percentage-discount';
import type { PreparedLine } from './prepare-invoice';
import { prorate, prorationRatio, type ProrationMode } from './proration';

/** An invoice line being computed: its priced lines, its discounts so far, what is left. @internal */
export interface LineDraft {
  readonly line: PreparedLine;
  /** Usage, flat and commitment lines. */
  readonly charges: DetailedLine[];
  /** Discount lines: maximum-spend cap, percentage discount, coupons (negative amounts). */
  readonly discounts: DetailedLine[];
  /** usage + flat + commitment, in minor units. */
  readonly amount: MinorUnits;
  /** What is left after the discounts so far: amount + Σ discounts (≥ 0), in minor units. */
  remaining: MinorUnits;
}

/** How partial periods are prorated. @internal */
export interface ProrationOptions {
  readonly enabled: boolean;
  readonly mode: ProrationMode;
  /** The zone whose calendar days `day` mode counts (default UTC). */
  readonly timeZone?: string | undefined;
}

/**
 * Prices one invoice line up to its own percentage discount (docs/semantics.md "Invoices"): quantity →
 * usage discount → price → commitments (the minimum spend prorated like a flat fee) → the rate
 * card's percentage discount. A flat fee is prorated when its period is shorter than its full
 * period. Returns `undefined` when the line bills nothing: a flat fee without a price, or one
 * prorated to zero. @internal
 */
export function priceInvoiceLine(line: PreparedLine, proration: ProrationOptions, ctx: PricingContext): LineDraft | undefined {
  const price = line.card.price;
  if (price === undefined) return undefined;
  const ratio = proration.enabled ? prorationRatio(line.period, line.fullPeriod, proration.mode, proration.timeZone) : undefined;
  const model = price.model;
  let lines: DetailedLine[];
  if (model.type === 'flat') {
    if (ratio === undefined) {
      lines = priceFlat(model, ctx);
    } else {
      const prorated = prorate(model.amount, ratio, ctx);
      if (prorated === 0n) return undefined;
      lines = [{ name: 'Flat fee (prorated)', quantity: ONE, amount: prorated, category: 'flat' }];
    }
  } else {
    const request = line.request;
    if (request === undefined) return undefined;
    const minimum = request.minimumAmount;
    const prorated = ratio && minimum ? minorUnitsToDecimal(prorate(minimum, ratio, ctx), ctx.precision) : undefined;
    lines = priceRequest(price, prorated === undefined ? request : withMinimumAmount(request, prorated), ctx);
  }
  const charges: DetailedLine[] = [];
  const discounts: DetailedLine[] = [];
  for (const l of lines) (l.category === 'discount' ? discounts : charges).push(l);
  const amount = sumLines(charges);
  let remaining = discounts.length === 0 ? amount : amount + sumLines(discounts);

  const percentage = line.card.percentage;
  if (percentage !== undefined) {
    const discount = percentageDiscountLine(remaining, percentage, ctx);
    if (discount) {
      discounts.push(discount);
      remaining += discount.amount;
    }
  }
  return { line, charges, discounts, amount, remaining };
}
