import { describe, expect, it } from 'vitest';
import { allowedInvoiceActions, assertCreditable, invoiceActionRefusal, invoiceTransition, type InvoiceAction } from '../../../src/core/billing';
import type { InvoiceStatus } from '../../../src/core/invoice';
import { StateError } from '../../../src/errors';

const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof StateError) return error.reason as string;
    throw error;
  }
};

describe('invoiceTransition (IV3, LT2, LT3)', () => {
  it.each([
    // [from, action, credit notes, to or refusal reason]
    ['draft', 'issue', 0, 'issued'],
    ['draft', 'delete', 0, 'deleted'],
    ['draft', 'addLine', 0, 'draft'],
    ['draft', 'removeLine', 0, 'draft'],
    ['draft', 'update', 0, 'draft'],
    ['draft', 'snapshot', 0, 'draft'],
    ['draft', 'markPaid', 0, 'invalid_transition'],
    ['draft', 'void', 0, 'invalid_transition'],
    ['draft', 'markUncollectible', 0, 'invalid_transition'],
    ['issued', 'issue', 0, 'not_draft'], // S43: issue again
    ['issued', 'addLine', 0, 'not_draft'],
    ['issued', 'delete', 0, 'not_draft'],
    ['issued', 'markPaid', 0, 'paid'], // S44
    ['issued', 'markUncollectible', 0, 'uncollectible'],
    ['issued', 'markPaymentFailed', 0, 'issued'],
    ['issued', 'void', 0, 'void'],
    ['issued', 'void', 1, 'has_credit_notes'], // S27
    ['uncollectible', 'markPaid', 0, 'paid'],
    ['uncollectible', 'void', 0, 'void'],
    ['uncollectible', 'void', 2, 'has_credit_notes'],
    ['uncollectible', 'markUncollectible', 0, 'invalid_transition'],
    ['uncollectible', 'markPaymentFailed', 0, 'invalid_transition'],
    ['paid', 'void', 0, 'invalid_transition'], // S44: use a credit note
    ['paid', 'void', 1, 'invalid_transition'], // the status is checked first
    ['paid', 'markPaid', 0, 'invalid_transition'],
    ['paid', 'markUncollectible', 0, 'invalid_transition'],
    ['paid', 'update', 0, 'not_draft'],
    ['void', 'markPaid', 0, 'invalid_transition'],
    ['void', 'void', 0, 'invalid_transition'],
    ['void', 'snapshot', 0, 'not_draft'],
  ] as const)('%s → %s (credit notes %d) → %s', (status, action, creditNotes, expected) => {
    const invoice = { status: status as InvoiceStatus, creditNotes };
    const refusal = invoiceActionRefusal(invoice, action as InvoiceAction);
    if (['not_draft', 'invalid_transition', 'has_credit_notes'].includes(expected)) {
      expect(refusal?.reason).toBe(expected);
      expect(reasonOf(() => invoiceTransition(invoice, action as InvoiceAction))).toBe(expected);
    } else {
      expect(refusal).toBeNull();
      expect(invoiceTransition(invoice, action as InvoiceAction)).toBe(expected);
    }
  });

  it('lists what each status allows', () => {
    expect(allowedInvoiceActions('draft')).toEqual(['addLine', 'removeLine', 'update', 'snapshot', 'delete', 'issue']);
    expect(allowedInvoiceActions('issued')).toEqual(['markPaid', 'markPaymentFailed', 'markUncollectible', 'void']);
    expect(allowedInvoiceActions('issued', 1)).toEqual(['markPaid', 'markPaymentFailed', 'markUncollectible']);
    expect(allowedInvoiceActions('uncollectible')).toEqual(['markPaid', 'void']);
    expect(allowedInvoiceActions('paid')).toEqual([]);
    expect(allowedInvoiceActions('void')).toEqual([]);
  });

  it('PR5: credit notes only on issued, paid or uncollectible invoices', () => {
    for (const status of ['issued', 'paid', 'uncollectible'] as const) expect(() => assertCreditable(status)).not.toThrow();
    for (const status of ['draft', 'void'] as const) expect(reasonOf(() => assertCreditable(status))).toBe('not_creditable');
  });
});
