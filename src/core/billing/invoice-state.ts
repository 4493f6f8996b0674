import type { StateError } from '../../errors';
import type { InvoiceStatus } from '../invoice/invoice';
import { billingStateError, type BillingStateReason } from './errors';

/** An action on a stored invoice, named as the `tg.invoices` method that performs it. */
export type InvoiceAction =
  | 'addLine'
  | 'removeLine'
  | 'update'
  | 'snapshot'
  | 'delete'
  | 'issue'
  | 'markPaid'
  | 'markPaymentFailed'
  | 'markUncollectible'
  | 'void';

/** The draft-only calls (IV3): on any other status → `not_draft`. */
export const DRAFT_ONLY_ACTIONS: readonly InvoiceAction[] = Object.freeze(['addLine', 'removeLine', 'update', 'snapshot', 'delete', 'issue']);

/** What an action leaves: a status, or `deleted` (a draft's `delete`). */
export type InvoiceActionResult = InvoiceStatus | 'deleted';

/** The status changes of IV3, LT2, LT3 and §4.4, by action: from → to. */
const TRANSITIONS: Readonly<Record<'markPaid' | 'markPaymentFailed' | 'markUncollectible' | 'void', Partial<Record<InvoiceStatus, InvoiceStatus>>>> = {
  markPaid: { issued: 'paid', uncollectible: 'paid' },
  markPaymentFailed: { issued: 'issued' },
  markUncollectible: { issued: 'uncollectible' },
  void: { issued: 'void', uncollectible: 'void' },
};

/** Statuses a credit note may be created on (PR5). */
const CREDITABLE: ReadonlySet<InvoiceStatus> = new Set(['issued', 'paid', 'uncollectible']);

/** What {@link invoiceTransition} reads of an invoice. */
export interface InvoiceStateInput {
  status: InvoiceStatus;
  /** Its credit notes (`creditNoteIds.length`): a void is refused when any exists (LT2). Default 0. */
  creditNotes?: number | undefined;
}

/**
 * The invoice state machine (BILLING.md IV3, LT2, LT3, §4.4): what `action` leaves of an invoice, or
 * the StateError it is refused with.
 *
 * - draft → issued (`issue`), → deleted (`delete`); `addLine`, `removeLine`, `update`, `snapshot`
 *   keep it a draft. These draft-only calls on any other status → `not_draft`.
 * - issued → paid | void | uncollectible; uncollectible → paid | void; paid and void are final
 *   (a paid invoice is corrected by a credit note, never voided). `markPaymentFailed` records a failed
 *   payment on an issued invoice, which stays issued.
 * - `void` with credit notes → `has_credit_notes` (checked after the status).
 * - any other change → `invalid_transition`.
 *
 * @example
 * invoiceTransition({ status: 'issued' }, 'markPaid');                  // 'paid'
 * invoiceTransition({ status: 'paid' }, 'void');                        // throws StateError 'invalid_transition' (S44)
 * invoiceTransition({ status: 'issued', creditNotes: 1 }, 'void');      // throws StateError 'has_credit_notes' (S27)
 */
export function invoiceTransition(invoice: InvoiceStateInput, action: InvoiceAction): InvoiceActionResult {
  const refusal = invoiceActionRefusal(invoice, action);
  if (refusal !== null) throw refusal;
  if (invoice.status === 'draft') return action === 'issue' ? 'issued' : action === 'delete' ? 'deleted' : 'draft';
  return (TRANSITIONS[action as keyof typeof TRANSITIONS][invoice.status] as InvoiceStatus);
}

/**
 * The StateError {@link invoiceTransition} would throw, or `null` when the action is allowed: for
 * callers that list what an invoice allows, or check before they write.
 * @example
 * invoiceActionRefusal({ status: 'issued' }, 'addLine')?.reason; // 'not_draft'
 */
export function invoiceActionRefusal(invoice: InvoiceStateInput, action: InvoiceAction): StateError<BillingStateReason> | null {
  const { status } = invoice;
  if (DRAFT_ONLY_ACTIONS.includes(action)) {
    return status === 'draft' ? null : billingStateError(`${action} needs a draft invoice; this one is ${status}`, 'not_draft');
  }
  const to = TRANSITIONS[action as keyof typeof TRANSITIONS][status];
  if (to === undefined) return billingStateError(`${action} is not allowed on a ${status} invoice`, 'invalid_transition');
  if (action === 'void' && (invoice.creditNotes ?? 0) > 0) {
    return billingStateError('An invoice with credit notes cannot be voided: they credit it', 'has_credit_notes');
  }
  return null;
}

/**
 * The actions an invoice in `status` allows (IV3), for UIs and the facade's checks.
 * @example
 * allowedInvoiceActions('uncollectible'); // ['markPaid', 'void']
 */
export function allowedInvoiceActions(status: InvoiceStatus, creditNotes = 0): InvoiceAction[] {
  const all: InvoiceAction[] = [...DRAFT_ONLY_ACTIONS, 'markPaid', 'markPaymentFailed', 'markUncollectible', 'void'];
  return all.filter((action) => invoiceActionRefusal({ status, creditNotes }, action) === null);
}

/**
 * Refuses a credit note on an invoice that is neither issued, paid nor uncollectible (PR5):
 * StateError `not_creditable`.
 * @example
 * assertCreditable('draft'); // throws StateError 'not_creditable'
 */
export function assertCreditable(status: InvoiceStatus): void {
  if (!CREDITABLE.has(status)) throw billingStateError(`A credit note needs an issued, paid or uncollectible invoice; this one is ${status}`, 'not_creditable');
}
