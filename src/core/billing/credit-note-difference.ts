import { parseDecimal } from '../money';
import type { Instant, Period } from '../time';
import { toEpochMs } from '../time/internal';

/** The fields of an issued invoice line that a proration credit note reads (an `InvoiceLine` has them). */
export interface CreditableLine {
  period: Period;
  amount: string;
  discountsTotal: string;
  taxesTotal: string;
  total: string;
}

/** One proration credit-note line: what the original line billed beyond its recomputation. */
export interface CreditNoteLineAmounts {
  /** The removed span `[new end, old end)` (PR3). */
  period: Period;
  amount: string;
  discountsTotal: string;
  taxesTotal: string;
  total: string;
}

/** Options of {@link creditNoteDifference}. */
export interface CreditNoteDifferenceOptions {
  /**
   * Where the shortened service period now ends: default the recomputed line's end. Needed when
   * the recomputed line is `null` (prorated to 0 or gone); clamped to the original start.
   */
  newEnd?: Instant | undefined;
}

const FIELDS = ['amount', 'discountsTotal', 'taxesTotal', 'total'] as const;

/**
 * The numbers of a proration credit-note line (BILLING.md PR3): original line − recomputed line,
 * field by field (amount, discountsTotal, taxesTotal, total), so that the invoice plus the credit note
 * equals a fresh computation of the shortened line; its period is the removed span [new end, old
 * end). The recomputed line comes from the same calculator (`simulateInvoice`) over the shortened
 * service period with the original's full period, tax and discounts; `null` when it bills nothing
 * (everything is credited). Returns `null` when there is nothing to credit: the period did not
 * shrink, or the amounts did not go down (a `full_period` cancel keeps them, SB9; issued lines never
 * grow, PR4). Amounts keep the inputs' decimal places (the currency's).
 *
 * @throws {@link ValidationError} `invalid_decimal` (paths `original.amount`, `recomputed.total`, …).
 * @example
 * // S30: 30.00 + 6.00 tax, recomputed 9.68 + 1.94 after a cancel on Jan 11
 * creditNoteDifference(
 *   { period: { from: jan1, to: feb1 }, amount: '30.00', discountsTotal: '0.00', taxesTotal: '6.00', total: '36.00' },
 *   { period: { from: jan1, to: jan11 }, amount: '9.68', discountsTotal: '0.00', taxesTotal: '1.94', total: '11.62' },
 * ); // { period: [Jan 11, Feb 1), amount '20.32', discountsTotal '0.00', taxesTotal '4.06', total '24.38' }
 */
export function creditNoteDifference(
  original: CreditableLine,
  recomputed: CreditableLine | null,
  options: CreditNoteDifferenceOptions = {},
): CreditNoteLineAmounts | null {
  const oldStart = original.period.from.getTime();
  const oldEnd = original.period.to.getTime();
  const requested = options.newEnd === undefined ? (recomputed?.period.to.getTime() ?? oldStart) : toEpochMs(options.newEnd, 'newEnd');
  const newEnd = Math.max(requested, oldStart);
  if (newEnd >= oldEnd) return null;
  const out: CreditNoteLineAmounts = { period: { from: new Date(newEnd), to: new Date(oldEnd) }, amount: '', discountsTotal: '', taxesTotal: '', total: '' };
  for (const field of FIELDS) {
    const before = original[field];
    const after = recomputed === null ? '0' : recomputed[field];
    const places = Math.max(decimalPlaces(before), decimalPlaces(after));
    out[field] = parseDecimal(before, `original.${field}`).minus(parseDecimal(after, `recomputed.${field}`)).toFixed(places);
  }
  if (!parseDecimal(out.amount).greaterThan(0) && !parseDecimal(out.total).greaterThan(0)) return null;
  return out;
}

/** The digits after the decimal point of a money string. */
function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
