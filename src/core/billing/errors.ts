import { StateError, ValidationError } from '../../errors';

/**
 * Why an invoice or credit-note action is refused in the current state (`StateError.reason`,
 * BILLING.md §5.4).
 */
export type BillingStateReason =
  /** A draft-only call (`addLine`, `removeLine`, `update`, `snapshot`, `delete`, `issue`) on an invoice that is not a draft (IV3). */
  | 'not_draft'
  /** A status change the invoice state machine does not list (IV3, LT2, LT3). */
  | 'invalid_transition'
  /** A void of an invoice that has credit notes: they would credit a voided invoice (LT2). */
  | 'has_credit_notes'
  /** A credit note on an invoice that is neither issued, paid nor uncollectible (PR5). */
  | 'not_creditable'
  /** `invoiceNow` found nothing to bill (PB1). */
  | 'nothing_to_invoice';

/**
 * The ValidationError codes of billing (`issues[].code`, BILLING.md §5.4): `as_of_in_future` (RUN1,
 * PB1), `exceeds_creditable` (PR5), `currency_required` (MI1), and, for numbers (IV7),
 * `customer_key_required` (per-customer numbering without a key) and `invalid_sequence`; for a
 * manual item without `amount` or `unitAmount`, `amount_required` (MI1); for billed progressive
 * parts that do not tile their line, `invalid_part` (PB2).
 */
export type BillingValidationCode =
  | 'as_of_in_future'
  | 'exceeds_creditable'
  | 'currency_required'
  | 'customer_key_required'
  | 'invalid_sequence'
  | 'amount_required'
  | 'invalid_part';

/**
 * A billing StateError with its typed reason.
 * @example
 * throw billingStateError('Only a draft can be issued', 'not_draft');
 */
export const billingStateError = (message: string, reason: BillingStateReason): StateError<BillingStateReason> => new StateError(message, reason);

/**
 * A billing ValidationError with one issue and its typed code.
 * @example
 * throw billingValidationError('asOf', 'as_of_in_future', 'asOf must not be after now');
 */
export const billingValidationError = (path: string, code: BillingValidationCode, message: string): ValidationError =>
  ValidationError.single(path, code, message);
