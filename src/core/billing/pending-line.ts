import type { RateCard } from '../catalog/rate-card';
import type { Period } from '../time';

/**
 * A billable line not yet on an invoice (BILLING.md §1 `PendingLine`): derived from a timeline
 * (BL1) or a pending manual item, due at `invoiceAt`.
 */
export interface PendingLine {
  /** The line's stable key (BL8): billed once, whatever runs twice. */
  key: string;
  subscriptionId?: string;
  pendingItemId?: string;
  /** The rate card's name, else its key. */
  name: string;
  rateCardKey?: string;
  feature?: string;
  currency: string;
  /** What the line bills: `[from, to)`. */
  servicePeriod: Period;
  /** The uncut period of the item's cadence the service period lies in (recurring items, PR1's denominator). */
  fullPeriod?: Period;
  /** The plan-cadence billing period (SB5) containing the service start. */
  billingPeriod?: Period;
  /** When the line is due (BL3, BL4). */
  invoiceAt: Date;
}

/** Where a subscription line comes from: the same shape as an invoice line's `subscription` (BILLING.md §1). */
export interface LineSource {
  /** The subscription's id. */
  id: string;
  /** The phase key. */
  phase: string;
  /** The item (rate card) key. */
  item: string;
  /** The item version, from 0. */
  version: number;
  /** The period of the item's cadence, counted from the version start (BL2); absent for a one-time item (BL4). */
  periodIndex?: number;
}

/**
 * A pending line of a subscription ({@link subscriptionLines}): a {@link PendingLine} extended with
 * the rate card that prices it and where it comes from, so the calculator and the billing run need
 * nothing else.
 */
export interface SubscriptionLine extends PendingLine {
  subscriptionId: string;
  rateCardKey: string;
  billingPeriod: Period;
  /** The item version's rate card (its price is never null: BL1). */
  rateCard: RateCard;
  subscription: LineSource;
  /**
   * Set on a flat line cut by a `full_period` cancel (SB9): it keeps its cut service period and its
   * full period but bills the unprorated amount, so no credit note follows.
   */
  billInFull?: true;
}
