/**
 * The pure core of billing (BILLING.md §1, §2 BL1–BL8, PR1, PR3, IV1, IV3, IV4, IV6–IV8, PB1–PB4,
 * LT1, MI1, CORE1): billable lines from a subscription timeline, proration, credit-note differences,
 * grouping into invoices, progressive parts, late-usage adjustments, manual items, collection, issue
 * and due dates, the invoice state machine, numbers, and `billSubscription`. No storage, no clock.
 * @packageDocumentation
 */
export { subscriptionLines, type SubscriptionLinesOptions } from './subscription-lines';
export type { PendingLine, SubscriptionLine, LineSource } from './pending-line';
export { lineKey, manualLineKey, type LineKeyParts } from './line-key';
export { prorateFlat, type ProrateFlatInput } from './prorate-flat';
export {
  creditNoteDifference,
  type CreditableLine,
  type CreditNoteLineAmounts,
  type CreditNoteDifferenceOptions,
} from './credit-note-difference';
export { groupLines, type GroupableLine, type InvoiceGroup, type GroupLinesOptions } from './group-lines';
export {
  invoiceTransition,
  invoiceActionRefusal,
  allowedInvoiceActions,
  assertCreditable,
  DRAFT_ONLY_ACTIONS,
  type InvoiceAction,
  type InvoiceActionResult,
  type InvoiceStateInput,
} from './invoice-state';
export { documentNumber, numberingSeries, type Numbering, type NumberedDocument, type DocumentNumberInput } from './invoice-number';
export {
  billSubscription,
  type BillSubscriptionInput,
  type BillablePlan,
  type UsageSource,
  type UsageQuery,
} from './bill-subscription';
export type { BillingInvoice, BillingInvoiceLine } from './billing-invoice';
export { invoiceAtMs, paymentTerm, type PaymentTerm } from './invoice-at';
export {
  billingStateError,
  billingValidationError,
  type BillingStateReason,
  type BillingValidationCode,
} from './errors';
export {
  progressivePart,
  partLineInput,
  isSplittable,
  type ProgressivePart,
  type ProgressivePartInput,
  type BilledPart,
  type SplittableLine,
} from './progressive-parts';
export {
  collectionTimes,
  freezeDue,
  isFrozenAt,
  autoIssueDue,
  dueAt,
  isOverdue,
  type CollectionWorkflow,
  type CollectionTimesInput,
  type CollectableInvoice,
  type DueAtInput,
} from './collection';
export {
  manualItem,
  nextInvoiceAt,
  itemInvoiceAt,
  type ManualItem,
  type ManualItemInput,
  type ManualItemContext,
  type NextInvoiceCandidate,
} from './manual-items';
export {
  lateUsageAdjustment,
  adjustmentLineInput,
  lateUsageInWindow,
  type LateUsageAdjustment,
  type LateUsageAdjustmentInput,
  type AdjustableLine,
} from './late-usage-adjustment';
