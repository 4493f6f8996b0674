import { describe, expect, it } from 'vitest';
import { documentNumber, numberingSeries, type DocumentNumberInput } from '../../../src/core/billing';
import { ValidationError } from '../../../src/errors';

const issuedAt = new Date('2024-02-01T01:00:00Z');

describe('documentNumber (IV7, PR5)', () => {
  it.each([
    // [case, input, number]
    ['global invoice', { kind: 'invoice', seq: 1 }, 'INV-000001'],
    ['global invoice, grown past six digits', { kind: 'invoice', seq: 1234567 }, 'INV-1234567'],
    ['global credit note', { kind: 'credit_note', seq: 12 }, 'CN-000012'],
    ['S47 per customer', { kind: 'invoice', seq: 2, customerKey: 'acme', numbering: { scope: 'customer' } }, 'INV-acme-0002'],
    ['S47 credit note per customer', { kind: 'credit_note', seq: 1, customerKey: 'acme', numbering: { scope: 'customer' } }, 'CN-acme-0001'],
    ['custom prefixes', { kind: 'invoice', seq: 3, numbering: { prefix: 'F', creditNotePrefix: 'A' } }, 'F-000003'],
    ['custom credit-note prefix', { kind: 'credit_note', seq: 3, numbering: { prefix: 'F', creditNotePrefix: 'A' } }, 'A-000003'],
    ['a global number ignores the customer key', { kind: 'invoice', seq: 5, customerKey: 'acme' }, 'INV-000005'],
    [
      'format overrides',
      { kind: 'invoice', seq: 7, customerKey: 'acme', numbering: { format: (n: { prefix: string; seq: number; customerKey: string | null; issuedAt: Date }) => `${n.issuedAt.getUTCFullYear()}/${n.prefix}/${n.customerKey}/${n.seq}` } },
      '2024/INV/acme/7',
    ],
  ] as const)('%s', (_, input, expected) => {
    expect(documentNumber({ ...(input as Omit<DocumentNumberInput, 'issuedAt'>), issuedAt })).toBe(expected);
  });

  it('bad input → ValidationError', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof ValidationError ? error.issues[0]?.code : 'other';
      }
      return undefined;
    };
    expect(code(() => documentNumber({ kind: 'invoice', seq: 1, issuedAt, numbering: { scope: 'customer' } }))).toBe('customer_key_required');
    expect(code(() => documentNumber({ kind: 'invoice', seq: 0, issuedAt }))).toBe('invalid_sequence');
    expect(code(() => documentNumber({ kind: 'invoice', seq: 1.5, issuedAt }))).toBe('invalid_sequence');
    expect(code(() => numberingSeries('invoice', { scope: 'customer' }))).toBe('customer_key_required');
  });

  it('series: one counter globally per kind, or per customer', () => {
    expect(numberingSeries('invoice', undefined)).toBe('invoice');
    expect(numberingSeries('credit_note', { scope: 'global' }, 'acme')).toBe('credit_note');
    expect(numberingSeries('invoice', { scope: 'customer' }, 'acme')).toBe('invoice:acme');
    expect(numberingSeries('credit_note', { scope: 'customer' }, 'acme')).toBe('credit_note:acme');
  });
});
