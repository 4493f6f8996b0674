import { billingValidationError } from './errors';

/** A numbering series' settings (BILLING.md §1 `BillingWorkflow.numbering`). */
export interface Numbering {
  /** `global` (default): one series for all customers; `customer`: one per customer. */
  scope?: 'global' | 'customer' | undefined;
  /** Invoice prefix. Default `INV`. */
  prefix?: string | undefined;
  /** Credit-note prefix. Default `CN`. */
  creditNotePrefix?: string | undefined;
  /** Overrides the default formats. */
  format?: ((n: { prefix: string; seq: number; customerKey: string | null; issuedAt: Date }) => string) | undefined;
}

/** What is numbered: an invoice or a credit note (their own series, PR5). */
export type NumberedDocument = 'invoice' | 'credit_note';

/** Input of {@link documentNumber}. */
export interface DocumentNumberInput {
  kind: NumberedDocument;
  /** The position in its series, from 1 (the counter incremented in the issue transaction). */
  seq: number;
  /** The customer's key: required by the `customer` scope, passed to `format`. */
  customerKey?: string | null | undefined;
  issuedAt: Date;
  numbering?: Numbering | undefined;
}

/**
 * An invoice's or credit note's number (BILLING.md IV7, PR5): global `INV-000001` (six digits, more
 * when it grows), per customer `INV-{customerKey}-0001` (four digits), credit notes alike with `CN`;
 * `numbering.format` overrides both. Numbers are given at issue from a gapless counter per series
 * ({@link numberingSeries}); drafts have none.
 *
 * @throws {@link ValidationError} `customer_key_required` (path `customerKey`) for the `customer`
 *   scope without a key; `invalid_sequence` (path `seq`) unless seq is an integer ≥ 1.
 * @example
 * documentNumber({ kind: 'invoice', seq: 1, issuedAt });                                            // 'INV-000001'
 * documentNumber({ kind: 'credit_note', seq: 1, customerKey: 'acme', issuedAt, numbering: { scope: 'customer' } }); // 'CN-acme-0001'
 */
export function documentNumber(input: DocumentNumberInput): string {
  const numbering = input.numbering ?? {};
  const { seq } = input;
  if (!Number.isSafeInteger(seq) || seq < 1) throw billingValidationError('seq', 'invalid_sequence', `seq must be an integer ≥ 1, got ${String(seq)}`);
  const prefix = input.kind === 'invoice' ? (numbering.prefix ?? 'INV') : (numbering.creditNotePrefix ?? 'CN');
  const customerKey = input.customerKey ?? null;
  if (numbering.format !== undefined) return numbering.format({ prefix, seq, customerKey, issuedAt: input.issuedAt });
  if ((numbering.scope ?? 'global') === 'global') return `${prefix}-${String(seq).padStart(6, '0')}`;
  if (customerKey === null || customerKey === '') {
    throw billingValidationError('customerKey', 'customer_key_required', 'Per-customer numbering needs the customer key');
  }
  return `${prefix}-${customerKey}-${String(seq).padStart(4, '0')}`;
}

/**
 * The counter a number is drawn from: `invoice` / `credit_note` globally, `invoice:{customerKey}` /
 * `credit_note:{customerKey}` per customer (IV7: gapless per series).
 * @example
 * numberingSeries('invoice', { scope: 'customer' }, 'acme'); // 'invoice:acme'
 */
export function numberingSeries(kind: NumberedDocument, numbering: Numbering | undefined, customerKey?: string | null): string {
  if ((numbering?.scope ?? 'global') === 'global') return kind;
  if (customerKey === null || customerKey === undefined || customerKey === '') {
    throw billingValidationError('customerKey', 'customer_key_required', 'Per-customer numbering needs the customer key');
  }
  return `${kind}:${customerKey}`;
}
