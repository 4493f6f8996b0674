import type { Invoice, InvoiceLine, InvoiceStatus } from '../invoice/invoice';
import type { Period } from '../time';
import type { LineSource } from './pending-line';

/**
 * A line of a billing invoice (BILLING.md §1 `Invoice.lines`): the calculator's {@link InvoiceLine}
 * with its key and origin.
 */
export interface BillingInvoiceLine extends InvoiceLine {
  /** BL8; null for an `addLine` line. */
  key: string | null;
  managedBy: 'subscription' | 'manual' | 'system';
  /** Where a subscription line comes from (`periodIndex` absent for a one-time item; `part` for a progressive part). */
  subscription?: LineSource & { part?: number };
  fullPeriod?: Period;
  billingPeriod?: Period;
  invoiceAt: Date;
  /** A usage line's measured quantity. */
  meteredQuantity?: string;
  /** A progressive part's quantity billed by earlier parts (PB2). */
  preLinePeriodQuantity?: string;
}

/**
 * An invoice of the billing run (BILLING.md §1 `Invoice`): the calculator's {@link Invoice}, extended
 * with its number, instants and lifecycle fields. `billSubscription` returns drafts: no number, not
 * frozen, not issued (CORE1).
 */
export interface BillingInvoice extends Omit<Invoice, 'lines'> {
  status: InvoiceStatus;
  /** Given at issue (IV7); null on drafts. */
  number: string | null;
  /** The instant its lines are due (IV1). */
  invoiceAt: Date;
  /** invoiceAt + collectionGrace with a usage line, else invoiceAt (IV4). */
  collectionAt: Date;
  /** max(collectionAt, createdAt) + draftPeriod (IV4); null once issued. */
  draftUntil: Date | null;
  /** When its usage quantities froze (LT1); null while live. */
  quantitiesFrozenAt: Date | null;
  paidAt?: Date;
  voidedAt?: Date;
  /** Issued and now ≥ dueAt (IV8), derived. */
  overdue: boolean;
  /** The voided invoice this one re-bills (LT2). */
  replaces?: string;
  memo?: string;
  creditNoteIds: string[];
  lines: BillingInvoiceLine[];
}
