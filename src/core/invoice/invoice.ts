import type { PriceLine } from '../pricing/price-line';

/** An invoice's status: only a draft changes. A simulated invoice is always a draft. */
export type InvoiceStatus = 'draft' | 'issued' | 'paid' | 'void' | 'uncollectible';

/** A half-open period `[from, to)`. */
export interface InvoicePeriod {
  from: Date;
  to: Date;
}

/** The tax of one invoice line. */
export interface InvoiceLineTax {
  /** The rate, e.g. `'0.2'` for 20 %. */
  rate: string;
  /** `exclusive`: added to the line total; `inclusive`: already inside the amount, reported only. */
  behavior: 'exclusive' | 'inclusive';
  /** The tax amount, rounded once. */
  amount: string;
}

/** One line of an invoice: a rate card billed for a period. */
export interface InvoiceLine {
  /** Stable within the invoice; a simulated line is `line_<index of the input line>`. */
  id: string;
  type: 'flat_fee' | 'usage_based';
  /** The rate card's name, or its key. */
  name: string;
  rateCardKey?: string;
  feature?: string;
  period: InvoicePeriod;
  /** The quantity billed (usage lines): the input quantity, before the usage discount. */
  quantity?: string;
  /**
   * The detailed lines: usage, flat and commitment lines (their sum is `amount`), then the
   * discount lines (maximum-spend cap, percentage discount, coupons; their sum is −`discountsTotal`).
   */
  lines: PriceLine[];
  /** Usage + flat + commitment. */
  amount: string;
  /** Maximum-spend cap + percentage discount + coupons, as a positive amount. */
  discountsTotal: string;
  /** This line's tax, inclusive or exclusive (0 without a tax). */
  taxesTotal: string;
  /** amount − discountsTotal + exclusive tax. */
  total: string;
  /** The tax applied to the line, when a `taxConfig` applies. */
  tax?: InvoiceLineTax;
}

/** An invoice's totals: each is the sum of the lines' values, except credits and amount due. */
export interface InvoiceTotals {
  amount: string;
  discountsTotal: string;
  taxesInclusiveTotal: string;
  taxesExclusiveTotal: string;
  /** Inclusive + exclusive. */
  taxesTotal: string;
  /** min(credits available, total). */
  creditsTotal: string;
  /** Σ line totals: taxed, before credits. */
  total: string;
  /** total − creditsTotal, never negative. */
  amountDue: string;
}

/** An invoice (docs/pricing.md): the same shape for simulations, previews and billing runs. */
export interface Invoice {
  id: string;
  customerId: string;
  subscriptionId?: string;
  currency: string;
  status: InvoiceStatus;
  /** From the earliest line start to the latest line end. */
  period: InvoicePeriod;
  lines: InvoiceLine[];
  totals: InvoiceTotals;
  issuedAt?: Date;
  dueAt?: Date;
}
