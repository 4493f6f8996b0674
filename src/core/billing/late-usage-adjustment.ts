import type { RateCard } from '../catalog/rate-card';
import type { InvoiceLineInput } from '../invoice';
import { formatDecimal, parseDecimal, type CurrencyRegistry, type RoundingMode } from '../money';
import type { NumericInput, Price } from '../pricing/price';
import { priceUsage } from '../pricing/price-usage';
import { addDuration, type Instant, type Period } from '../time';
import { prorateFlat } from './prorate-flat';
import { toEpochMs } from '../time/internal';

/** The frozen line late usage adjusts (a usage line, or its last part). */
export interface AdjustableLine {
  /** The line's key (BL8) without `/s` or `/adj`: the adjustment appends `/adj{n}`. */
  key: string;
  servicePeriod: Period;
  /** The uncut period, when the line was cut: its minimum spend was prorated by service ÷ full (BL7). */
  fullPeriod?: Period | undefined;
  rateCard: RateCard;
}

/** Input of {@link lateUsageAdjustment}. */
export interface LateUsageAdjustmentInput {
  line: AdjustableLine;
  /** What the line billed: its frozen quantity (all parts) plus every earlier adjustment's. */
  billedQuantity: NumericInput;
  /** The line's meter over its service period now. */
  meteredQuantity: NumericInput;
  /** How many adjustments the line already has (n of the new `/adj{n}`). Default 0. */
  adjustments?: number | undefined;
  currency: string;
  rounding?: RoundingMode | undefined;
  currencies?: CurrencyRegistry | undefined;
  /** The plan's proration, for a cut line's minimum spend (BL7). Default `{ enabled: true, mode: 'exact' }`. */
  proRating?: { enabled: boolean; mode?: 'exact' | 'day' | undefined } | undefined;
  /** The subscription's zone (`day` proration). */
  timeZone?: string | undefined;
}

/** A late-usage adjustment (LT1): a `system` line for the usage the frozen line missed. */
export interface LateUsageAdjustment {
  /** `{line key}/adj{n}`. */
  key: string;
  adjustment: number;
  /** `{rate card name, else key} usage adjustment`. */
  name: string;
  rateCardKey: string;
  /** The adjusted line's service period. */
  servicePeriod: Period;
  /** metered − billed. */
  quantity: string;
  /** billed (the line's and earlier adjustments' quantities). */
  preLinePeriodQuantity: string;
  /** The priced difference before the rate card's percentage discount and tax (> 0). */
  amount: string;
  /**
   * The difference P(q′) − P(q) of the line priced whole, billed as a flat amount: a volume price
   * (it cannot be priced as a part) or a price with a minimum spend (the line settled it already).
   */
  flat: boolean;
}

/**
 * The adjustment a frozen line's late usage gets on the next invoice with `lateUsage.mode:
 * 'next_invoice'` (BILLING.md LT1, §5.9): quantity = metered − billed (earlier adjustments included),
 * pre = billed, priced as a part (the range (billed, metered] of the line's price, so tiers continue
 * and maximum spend counts what was billed; the first tier's flat amount is not paid again); a volume
 * price: P(metered) − P(billed), the line priced whole, billed as a flat amount; a price with a
 * minimum spend likewise (the line settled the minimum, prorated by service ÷ full: BL7, so the
 * difference is what the whole line would have cost more). `null` when metered ≤ billed or the
 * priced difference is not positive (no line).
 * @throws {@link ValidationError} `invalid_decimal`, `negative`, `unknown_currency`.
 * @example
 * // S49: pro's January api line billed 1501, metered 1502 → 1 × 0.01 on the Mar 1 invoice
 * lateUsageAdjustment({ line: janApi, billedQuantity: 1501, meteredQuantity: 1502, currency: 'USD' });
 * // { key: 'sub_1/default/api/v0/p0/adj0', name: 'api usage adjustment', quantity: '1',
 * //   preLinePeriodQuantity: '1501', amount: '0.01', flat: false, … }
 */
export function lateUsageAdjustment(input: LateUsageAdjustmentInput): LateUsageAdjustment | null {
  const { line } = input;
  const card = line.rateCard;
  if (card.type !== 'usage_based' || card.price === null || card.price === undefined) return null;
  const billed = parseDecimal(input.billedQuantity, 'billedQuantity');
  const metered = parseDecimal(input.meteredQuantity, 'meteredQuantity');
  const quantity = metered.minus(billed);
  if (!quantity.isPositive() || quantity.isZero()) return null;
  let price = card.price as Price;
  const minimum = (price as { minimumAmount?: NumericInput }).minimumAmount;
  const flat = isVolume(price) || minimum !== undefined;
  const options = {
    currency: input.currency,
    rounding: input.rounding,
    currencies: input.currencies,
    usageDiscount: card.discounts?.usage,
  };
  let amount: string;
  if (flat) {
    if (minimum !== undefined) {
      // the minimum the line settled: prorated by service ÷ full like the line's (BL7)
      const prorated = prorateFlat({ amount: minimum, servicePeriod: line.servicePeriod, fullPeriod: line.fullPeriod, proRating: input.proRating, timeZone: input.timeZone, currency: input.currency, currencies: input.currencies, rounding: input.rounding });
      price = { ...price, minimumAmount: prorated ?? 0 } as Price;
    }
    const after = priceUsage(price, { ...options, quantity: formatDecimal(metered) }).amount;
    const before = priceUsage(price, { ...options, quantity: formatDecimal(billed) }).amount;
    // written with the currency's decimals, as priceUsage writes amounts
    amount = parseDecimal(after).minus(parseDecimal(before)).toFixed(after.split('.')[1]?.length ?? 0);
  } else {
    amount = priceUsage(price, { ...options, quantity: formatDecimal(quantity), preLinePeriodQuantity: formatDecimal(billed), periodStart: false, periodEnd: false }).amount;
  }
  const value = parseDecimal(amount);
  if (!value.isPositive() || value.isZero()) return null;
  const n = input.adjustments ?? 0;
  return {
    key: `${line.key}/adj${n}`,
    adjustment: n,
    name: `${card.name ?? card.key} usage adjustment`,
    rateCardKey: card.key,
    servicePeriod: line.servicePeriod,
    quantity: formatDecimal(quantity),
    preLinePeriodQuantity: formatDecimal(billed),
    amount,
    flat,
  };
}

/**
 * The calculator's input for an adjustment (`simulateInvoice` line): the line's rate card with
 * quantity = metered − billed and pre = billed, not starting nor ending the period; for a volume
 * price or a minimum spend ({@link LateUsageAdjustment.flat}) a one-time flat fee of the difference
 * (same key, name, tax and percentage discount).
 * @example
 * simulateInvoice({ currency: 'USD', lines: [adjustmentLineInput(janApi, adjustment)] }).totals.total; // '0.01' (S49)
 */
export function adjustmentLineInput(line: AdjustableLine, adjustment: LateUsageAdjustment): InvoiceLineInput {
  const card = line.rateCard;
  if (!adjustment.flat) {
    return {
      rateCard: { ...card, name: adjustment.name },
      period: line.servicePeriod,
      quantity: adjustment.quantity,
      preLinePeriodQuantity: adjustment.preLinePeriodQuantity,
      periodStart: false,
      periodEnd: false,
    };
  }
  const flat: RateCard = { key: card.key, name: adjustment.name, type: 'flat_fee', billingCadence: null, price: { type: 'flat', amount: adjustment.amount } };
  if (card.taxConfig !== undefined) flat.taxConfig = card.taxConfig;
  if (card.discounts?.percentage !== undefined) flat.discounts = { percentage: card.discounts.percentage };
  return { rateCard: flat, period: line.servicePeriod };
}

/**
 * LT1's window: late usage of a line is adjusted on an invoice only when the line's period ended at
 * or after that invoice's invoiceAt − `window` (default `P1M`, calendar units in `timeZone`).
 * @example
 * // S49: January's line (ends Feb 1) on the Mar 1 invoice, window P1M → Mar 1 − 1 month = Feb 1 ≤ Feb 1
 * lateUsageInWindow({ lineEnd: '2024-02-01', invoiceAt: '2024-03-01' });                 // true
 * lateUsageInWindow({ lineEnd: '2024-02-01', invoiceAt: '2024-03-01', window: 'P14D' }); // false
 */
export function lateUsageInWindow(input: { lineEnd: Instant; invoiceAt: Instant; window?: string | undefined; timeZone?: string | undefined }): boolean {
  const earliest = addDuration(input.invoiceAt, input.window ?? 'P1M', { timeZone: input.timeZone, times: -1 });
  return toEpochMs(input.lineEnd, 'lineEnd') >= earliest.getTime();
}

function isVolume(price: Price): boolean {
  return price.type === 'tiered' && (price as { mode?: string }).mode === 'volume';
}
