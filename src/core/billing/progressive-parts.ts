import { ValidationError } from '../../errors';
import type { RateCard } from '../catalog/rate-card';
import type { InvoiceLineInput } from '../invoice';
import type { Aggregation } from '../metering/aggregation';
import { ZERO, formatDecimal, parseDecimal } from '../money';
import type { NumericInput } from '../pricing/price';
import type { Instant, Period } from '../time';
import { toEpochMs } from '../time/internal';

/** A part of a line already billed (PB2): where it ended and the quantity it billed (frozen). */
export interface BilledPart {
  /** The part's end: the `asOf` of the `invoiceNow` that billed it. */
  end: Instant;
  /** The quantity the part billed, as frozen on its invoice. */
  quantity: NumericInput;
}

/** The line a part is cut from: a usage line of {@link subscriptionLines} (or its stored copy). */
export interface SplittableLine {
  /** The line's key (BL8); a part appends `/s{n}`. */
  key: string;
  servicePeriod: Period;
  fullPeriod?: Period | undefined;
  /** The line's own invoiceAt (BL3): where its last part is billed. */
  invoiceAt: Date;
  rateCard: RateCard;
}

/** Input of {@link progressivePart}. */
export interface ProgressivePartInput {
  line: SplittableLine;
  /** The parts already billed, in order (`/s0`, `/s1`, …); empty when the line was never split. */
  billed: readonly BilledPart[];
  /** The `invoiceNow` instant (a part ends there), or the line's invoiceAt for its rest. */
  asOf: Instant;
  /**
   * Q(line start, part end): the line's meter over `[line start, min(asOf, line end))`, counting
   * every event stored by now, late ones in earlier parts' windows included (PB2).
   */
  meteredQuantity: NumericInput;
  /** The aggregation of the line's meter: AVG, MIN and MAX are never split (PB4). */
  aggregation?: Aggregation | undefined;
}

/** The next part of a line (PB1, PB2): what to bill now and how the calculator prices it. */
export interface ProgressivePart {
  /** `{line key}/s{n}`, or the line's own key when the line is billed whole (never split). */
  key: string;
  /** n of `/s{n}`; absent when the line is billed whole. */
  part?: number;
  /** `[end of part n − 1, or the line start, asOf)`; the last part ends at the line end. */
  servicePeriod: Period;
  /** `asOf` for a mid-period part (PB1), the line's invoiceAt for its last part. */
  invoiceAt: Date;
  /** Σ the quantities billed by earlier parts (frozen values), as a decimal string. */
  preLinePeriodQuantity: string;
  /** Q(line start, part end) − pre, never below 0. */
  quantity: string;
  /** The first part (or the whole line) pays the first tier's flat amount (PB3). */
  periodStart: boolean;
  /** The last part (or the whole line) settles the minimum spend (PB3, BL7). */
  periodEnd: boolean;
}

/** Meter aggregations whose period value is not a sum of its parts' values (PB4). */
const UNSPLITTABLE_AGGREGATIONS: ReadonlySet<Aggregation> = new Set<Aggregation>(['AVG', 'MIN', 'MAX']);

/**
 * Whether `invoiceNow` may bill a part of a line of this rate card before its end (PB1, PB4):
 * usage lines only (in-arrears flat lines are not split; in-advance ones were billed at their start),
 * never a volume price (it prices the period's quantity at once) nor an AVG, MIN or MAX meter (the
 * period's value is not the sum of its parts'). Such a line is billed whole at its invoiceAt.
 * @example
 * isSplittable({ key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price: { type: 'unit', amount: '0.01' } }); // true
 * isSplittable(volumeCard);                  // false
 * isSplittable(unitCard, 'MAX');             // false
 */
export function isSplittable(card: RateCard, aggregation?: Aggregation): boolean {
  if (card.type !== 'usage_based' || card.price === null || card.price === undefined) return false;
  const price = card.price as { type: string; mode?: string };
  if (price.type === 'tiered' && price.mode === 'volume') return false;
  return aggregation === undefined || !UNSPLITTABLE_AGGREGATIONS.has(aggregation);
}

/**
 * The next part of a usage line at `asOf` (BILLING.md PB1–PB4, §5.7), from the parts already billed:
 * part n covers `[end of part n − 1, or the line start, asOf)`, key `{line key}/s{n}`; its
 * preLinePeriodQuantity is the sum of the quantities earlier parts billed (their frozen values, so a
 * late event in an earlier part's window is billed by the next part: PB2) and its quantity is
 * Q(line start, part end) − pre (never below 0). At or after the line's end the rest is the last part
 * `[last part end, line end)`, billed at the line's invoiceAt; a line never split is billed whole
 * (its own key, no `/s`). The first part pays the first tier's flat amount, the last settles the
 * minimum spend (PB3: `periodStart`, `periodEnd`, which the calculator honours; maximum spend counts
 * earlier parts through the pre-quantity).
 *
 * Returns `null` when there is nothing to bill at `asOf`: before the line start or the last part's
 * end, or mid-period for a line that is never split ({@link isSplittable}: flat lines, volume
 * prices, AVG/MIN/MAX meters, PB4).
 *
 * @throws {@link ValidationError} `invalid_part` (path `billed[i].end`) when a billed part does not
 *   end inside the line after the previous one; `invalid_instant`, `invalid_decimal`.
 * @example
 * // S38: team (graduated), 3000 calls by Jan 15, 8000 by Feb 1
 * progressivePart({ line: api, billed: [], asOf: '2024-01-15', meteredQuantity: 3000 });
 * // { key: '…/api/v0/p0/s0', part: 0, servicePeriod: [Jan 1, Jan 15), invoiceAt: Jan 15,
 * //   preLinePeriodQuantity: '0', quantity: '3000', periodStart: true, periodEnd: false }   → 20.00
 * progressivePart({ line: api, billed: [{ end: '2024-01-15', quantity: 3000 }], asOf: '2024-02-01', meteredQuantity: 8000 });
 * // { key: '…/s1', part: 1, servicePeriod: [Jan 15, Feb 1), invoiceAt: Feb 1,
 * //   preLinePeriodQuantity: '3000', quantity: '5000', periodStart: false, periodEnd: true }  → 35.00
 */
export function progressivePart(input: ProgressivePartInput): ProgressivePart | null {
  const { line, billed } = input;
  const start = line.servicePeriod.from.getTime();
  const end = line.servicePeriod.to.getTime();
  const asOf = toEpochMs(input.asOf, 'asOf');
  let from = start;
  let pre = ZERO;
  billed.forEach((part, i) => {
    const partEnd = toEpochMs(part.end, `billed[${i}].end`);
    if (!(partEnd > from && partEnd < end)) {
      throw ValidationError.single(`billed[${i}].end`, 'invalid_part', 'a billed part must end inside the line, after the previous part');
    }
    from = partEnd;
    pre = pre.plus(parseDecimal(part.quantity, `billed[${i}].quantity`));
  });
  const metered = parseDecimal(input.meteredQuantity, 'meteredQuantity');
  if (asOf <= from) return null;
  const last = asOf >= end;
  if (!last && !isSplittable(line.rateCard, input.aggregation)) return null;
  const quantity = metered.minus(pre);
  const out: ProgressivePart = {
    key: line.key,
    servicePeriod: { from: new Date(from), to: new Date(last ? end : asOf) },
    invoiceAt: last ? line.invoiceAt : new Date(asOf),
    preLinePeriodQuantity: formatDecimal(pre),
    quantity: quantity.isNegative() ? '0' : formatDecimal(quantity),
    periodStart: billed.length === 0,
    periodEnd: last,
  };
  if (!last || billed.length > 0) {
    out.part = billed.length;
    out.key = `${line.key}/s${billed.length}`;
  }
  return out;
}

/**
 * The calculator's input for a part (`simulateInvoice` line): the line's rate card with the part's
 * quantities. The calculator is given the line's service and full periods, so a minimum spend settled
 * by the last part is prorated by the line's service ÷ full period (BL7), not the part's; the invoice
 * line then shows the part's `servicePeriod`.
 * @example
 * const part = progressivePart({ line: api, billed: [], asOf: '2024-01-15', meteredQuantity: 3000 })!;
 * simulateInvoice({ currency: 'USD', lines: [partLineInput(api, part)] }).totals.total; // '20.00' (S38)
 */
export function partLineInput(line: SplittableLine, part: ProgressivePart): InvoiceLineInput {
  const out: InvoiceLineInput = {
    rateCard: line.rateCard,
    period: line.servicePeriod,
    quantity: part.quantity,
    preLinePeriodQuantity: part.preLinePeriodQuantity,
    periodStart: part.periodStart,
    periodEnd: part.periodEnd,
  };
  if (line.fullPeriod !== undefined) out.fullPeriod = line.fullPeriod;
  return out;
}
