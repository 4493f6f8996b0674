import { describe, expect, it } from 'vitest';
import { autoIssueDue, collectionTimes, dueAt, freezeDue, isFrozenAt, isOverdue, type CollectableInvoice } from '../../../src/core/billing';
import { ValidationError } from '../../../src/errors';
import { d } from './fixtures';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('collectionTimes (IV4)', () => {
  it.each([
    // [case, input, collectionAt, draftUntil]
    ['S1: no usage line → collectionAt = invoiceAt', { invoiceAt: '2024-01-01', hasUsageLine: false }, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
    ['S2: a usage line → invoiceAt + grace PT1H', { invoiceAt: '2024-02-01', hasUsageLine: true }, '2024-02-01T01:00:00.000Z', '2024-02-01T01:00:00.000Z'],
    ['S43: draftPeriod P1D', { invoiceAt: '2024-02-01', hasUsageLine: true, draftPeriod: 'P1D' }, '2024-02-01T01:00:00.000Z', '2024-02-02T01:00:00.000Z'],
    ['created after collectionAt (S5 rebill): draftUntil from createdAt', { invoiceAt: '2024-02-01', hasUsageLine: true, createdAt: '2024-02-02', draftPeriod: 'P1D' }, '2024-02-01T01:00:00.000Z', '2024-02-03T00:00:00.000Z'],
    ['created before collectionAt: from collectionAt', { invoiceAt: '2024-02-01', hasUsageLine: true, createdAt: '2024-02-01T00:10:00Z' }, '2024-02-01T01:00:00.000Z', '2024-02-01T01:00:00.000Z'],
    ['a grace in days follows the zone (DST)', { invoiceAt: '2024-03-09T17:00:00Z', hasUsageLine: true, collectionGrace: 'P1D', timeZone: 'America/New_York' }, '2024-03-10T16:00:00.000Z', '2024-03-10T16:00:00.000Z'],
    ['PB1: an invoiceNow draft at asOf waits for the grace', { invoiceAt: '2024-01-15', hasUsageLine: true }, '2024-01-15T01:00:00.000Z', '2024-01-15T01:00:00.000Z'],
  ] as const)('%s', (_, input, collectionAt, draftUntil) => {
    const times = collectionTimes(input);
    expect([iso(times.collectionAt), iso(times.draftUntil)]).toEqual([collectionAt, draftUntil]);
  });

  it('bad durations → ValidationError', () => {
    expect(() => collectionTimes({ invoiceAt: '2024-02-01', hasUsageLine: true, collectionGrace: '1 hour' })).toThrow(ValidationError);
  });
});

describe('freeze and auto-issue (IV4, IV6, RUN2)', () => {
  const s2: CollectableInvoice = { status: 'draft', collectionAt: d('2024-02-01T01:00:00Z'), draftUntil: d('2024-02-01T01:00:00Z'), quantitiesFrozenAt: null };
  const s43: CollectableInvoice = { ...s2, draftUntil: d('2024-02-02T01:00:00Z') };
  const snapshot: CollectableInvoice = { ...s43, quantitiesFrozenAt: d('2024-02-01T00:30:00Z') };
  const issued: CollectableInvoice = { ...s2, status: 'issued', draftUntil: null, quantitiesFrozenAt: d('2024-02-01T01:00:00Z') };

  it.each([
    // [case, invoice, asOf, freezeDue, isFrozenAt, autoIssueDue]
    ['S2 run at 00:00: live, not issued', s2, '2024-02-01T00:00:00Z', false, false, false],
    ['S3 00:30: still live inside the grace', s2, '2024-02-01T00:30:00Z', false, false, false],
    ['S2 run at 01:00: frozen and issued by the same run', s2, '2024-02-01T01:00:00Z', true, true, true],
    ['a later first run freezes it then', s2, '2024-02-05T00:00:00Z', true, true, true],
    ['S43 run at 12:00: frozen, kept for review', s43, '2024-02-01T12:00:00Z', true, true, false],
    ['S43 run at Feb 2 01:00: issued', s43, '2024-02-02T01:00:00Z', true, true, true],
    ['a snapshot froze it before collectionAt: not frozen again', snapshot, '2024-02-01T00:45:00Z', false, true, false],
    ['an issued invoice: nothing to freeze or issue', issued, '2024-03-01', false, true, false],
  ] as const)('%s', (_, invoice, asOf, freeze, frozen, issue) => {
    expect([freezeDue(invoice, asOf), isFrozenAt(invoice, asOf), autoIssueDue(invoice, asOf)]).toEqual([freeze, frozen, issue]);
  });

  it('autoIssue: false leaves a due draft for issue(id)', () => {
    expect(autoIssueDue(s2, '2024-02-01T01:00:00Z', { autoIssue: false })).toBe(false);
    expect(autoIssueDue(s2, '2024-02-01T01:00:00Z', { autoIssue: true })).toBe(true);
  });
});

describe('dueAt and overdue (IV6, IV8)', () => {
  it.each([
    // [case, input, expected dueAt]
    ['S1: issued Jan 1 + P30D → Jan 31 00:00', { issuedAt: '2024-01-01' }, '2024-01-31T00:00:00.000Z'],
    ['S2: issued Feb 1 01:00 + P30D → Mar 2 01:00', { issuedAt: '2024-02-01T01:00:00Z' }, '2024-03-02T01:00:00.000Z'],
    ['S47: dueAfter P0D → due at issue', { issuedAt: '2024-02-01T01:00:00Z', dueAfter: 'P0D' }, '2024-02-01T01:00:00.000Z'],
    ['calendar months: Jan 31 + P1M → Feb 29', { issuedAt: '2024-01-31', dueAfter: 'P1M' }, '2024-02-29T00:00:00.000Z'],
    ['days in the customer’s zone keep the local time across DST', { issuedAt: '2024-03-09T17:00:00Z', dueAfter: 'P1D', timeZone: 'America/New_York' }, '2024-03-10T16:00:00.000Z'],
    ['a dueAt set by update wins (§5.12)', { issuedAt: '2024-02-01T01:00:00Z', dueAt: '2024-02-15' }, '2024-02-15T00:00:00.000Z'],
    ['a null dueAt falls back to dueAfter', { issuedAt: '2024-01-01', dueAt: null }, '2024-01-31T00:00:00.000Z'],
  ] as const)('%s', (_, input, expected) => {
    expect(iso(dueAt(input))).toBe(expected);
  });

  it.each([
    // [case, status, dueAt, now, overdue]
    ['S47: issued, now = dueAt → overdue', 'issued', '2024-02-01T01:00:00Z', '2024-02-01T01:00:00Z', true],
    ['issued, before dueAt', 'issued', '2024-01-31', '2024-01-30T23:59:59Z', false],
    ['paid: never overdue', 'paid', '2024-01-31', '2024-03-01', false],
    ['void: never overdue', 'void', '2024-01-31', '2024-03-01', false],
    ['uncollectible: not overdue (IV8 names issued only)', 'uncollectible', '2024-01-31', '2024-03-01', false],
    ['a draft has no dueAt', 'draft', null, '2024-03-01', false],
  ] as const)('isOverdue: %s', (_, status, due, now, expected) => {
    expect(isOverdue({ status, dueAt: due === null ? null : d(due) }, now)).toBe(expected);
  });
});
