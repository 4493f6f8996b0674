import type { InvoiceStatus } from '../invoice/invoice';
import { addDuration, type Instant } from '../time';
import { toEpochMs } from '../time/internal';

/** The workflow's timings (BILLING.md §1 `billing`), each an ISO-8601 duration. */
export interface CollectionWorkflow {
  /** Wait after invoiceAt before usage freezes (IV4). Default `PT1H`. */
  collectionGrace?: string | undefined;
  /** Review time before auto-issue (IV4). Default `P0D`. */
  draftPeriod?: string | undefined;
  /** Whether a frozen draft past its draftUntil is issued by the run (IV6). Default true. */
  autoIssue?: boolean | undefined;
  /** dueAt = issuedAt + dueAfter (IV6, IV8). Default `P30D`. */
  dueAfter?: string | undefined;
  /** The zone whose calendar the Y, M, W and D units follow (the customer's). Default UTC. */
  timeZone?: string | undefined;
}

/** Input of {@link collectionTimes}. */
export interface CollectionTimesInput extends Pick<CollectionWorkflow, 'collectionGrace' | 'draftPeriod' | 'timeZone'> {
  /** The draft's invoiceAt (IV1). */
  invoiceAt: Instant;
  /** Whether the draft has a usage line (its quantities are live until collectionAt). */
  hasUsageLine: boolean;
  /** When the draft was created (a run may create it after collectionAt). Default invoiceAt. */
  createdAt?: Instant | undefined;
}

/**
 * A draft's collection instants (BILLING.md IV4): `collectionAt` = invoiceAt + collectionGrace when
 * the invoice has a usage line, else invoiceAt (OpenMeter invoicecalc/collectionat.go);
 * `draftUntil` = max(collectionAt, createdAt) + draftPeriod (invoicecalc/draftuntil.go). Durations
 * in calendar units follow `timeZone`. Recompute when a usage line joins a draft that had none.
 * @throws {@link ValidationError} `invalid_instant`, `invalid_duration`, `invalid_time_zone`.
 * @example
 * // S2: the Feb 1 draft has a usage line, grace PT1H, draft P0D
 * collectionTimes({ invoiceAt: '2024-02-01', hasUsageLine: true });
 * // { collectionAt: 2024-02-01T01:00Z, draftUntil: 2024-02-01T01:00Z }
 * // S43: draftPeriod P1D → draftUntil 2024-02-02T01:00Z
 */
export function collectionTimes(input: CollectionTimesInput): { collectionAt: Date; draftUntil: Date } {
  const options = { timeZone: input.timeZone };
  const invoiceAt = toEpochMs(input.invoiceAt, 'invoiceAt');
  const collectionAt = input.hasUsageLine ? addDuration(new Date(invoiceAt), input.collectionGrace ?? 'PT1H', options) : new Date(invoiceAt);
  const createdAt = input.createdAt === undefined ? invoiceAt : toEpochMs(input.createdAt, 'createdAt');
  const draftUntil = addDuration(new Date(Math.max(collectionAt.getTime(), createdAt)), input.draftPeriod ?? 'P0D', options);
  return { collectionAt, draftUntil };
}

/** What the freeze and issue rules read of an invoice. */
export interface CollectableInvoice {
  status: InvoiceStatus;
  collectionAt: Date;
  /** null until issued. */
  draftUntil: Date | null;
  /** When its usage quantities froze; null while live. */
  quantitiesFrozenAt: Date | null;
}

/**
 * Whether a run at `asOf` freezes the draft (IV4, RUN2 b): a draft still live whose collectionAt
 * is at or before asOf. The freeze happens at the first run at or after collectionAt (or at
 * `snapshot` / `issue`) and counts every event stored by then.
 * @example
 * freezeDue({ status: 'draft', collectionAt: d('2024-02-01T01:00Z'), draftUntil: …, quantitiesFrozenAt: null }, '2024-02-01T00:30Z'); // false
 * freezeDue(sameDraft, '2024-02-01T01:00Z');                                                                                     // true
 */
export function freezeDue(invoice: CollectableInvoice, asOf: Instant): boolean {
  return invoice.status === 'draft' && invoice.quantitiesFrozenAt === null && invoice.collectionAt.getTime() <= toEpochMs(asOf, 'asOf');
}

/**
 * Whether the invoice's usage quantities are fixed once a run at `asOf` has run its freeze step:
 * frozen already (`quantitiesFrozenAt`, a snapshot), issued or later, or a draft the run freezes
 * ({@link freezeDue}).
 * @example
 * isFrozenAt(s2Draft, '2024-02-01T00:00Z'); // false: live until 01:00
 * isFrozenAt(s2Draft, '2024-02-01T01:00Z'); // true
 */
export function isFrozenAt(invoice: CollectableInvoice, asOf: Instant): boolean {
  if (invoice.status !== 'draft' || invoice.quantitiesFrozenAt !== null) return true;
  return freezeDue(invoice, asOf);
}

/**
 * Whether a run at `asOf` issues the draft (IV6, RUN2 c): frozen (or frozen by this run), its
 * draftUntil at or before asOf, and `autoIssue` on (default). `issue(id)` needs none of these.
 * @example
 * autoIssueDue(s2Draft, '2024-02-01T01:00Z');                        // true (S2: frozen and issued by one run)
 * autoIssueDue(s43Draft, '2024-02-01T12:00Z');                       // false: draftUntil Feb 2 01:00
 * autoIssueDue(s2Draft, '2024-02-01T01:00Z', { autoIssue: false });  // false
 */
export function autoIssueDue(invoice: CollectableInvoice, asOf: Instant, workflow: Pick<CollectionWorkflow, 'autoIssue'> = {}): boolean {
  if (invoice.status !== 'draft' || workflow.autoIssue === false) return false;
  if (!isFrozenAt(invoice, asOf)) return false;
  return invoice.draftUntil !== null && invoice.draftUntil.getTime() <= toEpochMs(asOf, 'asOf');
}

/** Input of {@link dueAt}. */
export interface DueAtInput extends Pick<CollectionWorkflow, 'dueAfter' | 'timeZone'> {
  issuedAt: Instant;
  /** A dueAt set on the draft by `update` wins (IV5, IV6, §5.12). */
  dueAt?: Instant | null | undefined;
}

/**
 * An invoice's dueAt at issue (IV6, IV8): the one set by `update`, else issuedAt + dueAfter
 * (default `P30D`), calendar units in the customer's zone; `P0D` is due at issue.
 * @throws {@link ValidationError} `invalid_instant`, `invalid_duration`, `invalid_time_zone`.
 * @example
 * dueAt({ issuedAt: '2024-01-01' });                    // 2024-01-31T00:00Z (S1)
 * dueAt({ issuedAt: '2024-02-01T01:00Z' });             // 2024-03-02T01:00Z (S2)
 * dueAt({ issuedAt: '2024-02-01T01:00Z', dueAfter: 'P0D' }); // 2024-02-01T01:00Z (S47)
 */
export function dueAt(input: DueAtInput): Date {
  if (input.dueAt !== undefined && input.dueAt !== null) return new Date(toEpochMs(input.dueAt, 'dueAt'));
  return addDuration(input.issuedAt, input.dueAfter ?? 'P30D', { timeZone: input.timeZone });
}

/**
 * IV8: an invoice is overdue when it is issued (not paid, void or uncollectible) and `now` ≥ its
 * dueAt. Derived on read, never a state.
 * @example
 * isOverdue({ status: 'issued', dueAt: d('2024-01-31') }, '2024-01-31'); // true
 * isOverdue({ status: 'paid', dueAt: d('2024-01-31') }, '2024-03-01');   // false
 */
export function isOverdue(invoice: { status: InvoiceStatus; dueAt?: Date | null | undefined }, now: Instant): boolean {
  if (invoice.status !== 'issued' || invoice.dueAt === undefined || invoice.dueAt === null) return false;
  return toEpochMs(now, 'now') >= invoice.dueAt.getTime();
}
