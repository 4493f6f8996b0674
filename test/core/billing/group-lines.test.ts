import { describe, expect, it } from 'vitest';
import { groupLines, subscriptionLines, type GroupableLine } from '../../../src/core/billing';
import { subscriptionTimeline } from '../../../src/core/subscriptions';
import { d, day, pro } from './fixtures';

const line = (invoiceAt: string, extra: Partial<GroupableLine> & { name?: string } = {}): GroupableLine & { name?: string } => ({
  currency: 'USD',
  invoiceAt: d(invoiceAt),
  servicePeriod: { from: d(invoiceAt), to: d(invoiceAt) },
  ...extra,
});

describe('groupLines (IV1, IV1a)', () => {
  it('S2: the Feb 1 lines make one invoice over [Jan 1, Mar 1), with its subscription', () => {
    const timeline = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-03-02' });
    const groups = groupLines(subscriptionLines(timeline, { from: '2024-01-01', to: '2024-03-02', subscriptionId: 'sub_1' }), { customerId: 'acme' });
    expect(groups.map((g) => [g.key, day(g.period.from), day(g.period.to), g.subscriptionId, g.lines.map((l) => l.key)])).toEqual([
      ['acme/USD/2024-01-01T00:00:00.000Z', '2024-01-01', '2024-02-01', 'sub_1', ['sub_1/default/platform/v0/p0']],
      ['acme/USD/2024-02-01T00:00:00.000Z', '2024-01-01', '2024-03-01', 'sub_1', ['sub_1/default/platform/v0/p1', 'sub_1/default/api/v0/p0']],
      ['acme/USD/2024-03-01T00:00:00.000Z', '2024-02-01', '2024-04-01', 'sub_1', ['sub_1/default/platform/v0/p2', 'sub_1/default/api/v0/p1']],
    ]);
  });

  it.each([
    // [case, lines, expected groups as `key | subscriptionId | names`]
    ['MI2: one invoice per currency', [line('2024-02-01', { name: 'usd' }), line('2024-02-01', { currency: 'EUR', name: 'eur' })], ['acme/EUR/2024-02-01T00:00:00.000Z | - | eur', 'acme/USD/2024-02-01T00:00:00.000Z | - | usd']],
    ['a customer per line, else the option', [line('2024-02-01', { customerId: 'zed', name: 'z' }), line('2024-02-01', { name: 'a' })], ['acme/USD/2024-02-01T00:00:00.000Z | - | a', 'zed/USD/2024-02-01T00:00:00.000Z | - | z']],
    ['ordered by invoiceAt, then customer, then currency (RUN2)', [line('2024-03-01', { name: 'mar' }), line('2024-02-01', { name: 'feb' })], ['acme/USD/2024-02-01T00:00:00.000Z | - | feb', 'acme/USD/2024-03-01T00:00:00.000Z | - | mar']],
    ['manual lines do not count for subscriptionId', [line('2024-02-01', { subscriptionId: 's1', name: 'sub' }), line('2024-02-01', { pendingItemId: 'pi_1', subscriptionId: 's2', name: 'manual' }), line('2024-02-01', { name: 'manual2' })], ['acme/USD/2024-02-01T00:00:00.000Z | s1 | sub,manual,manual2']],
    ['two subscriptions on one invoice: no subscriptionId', [line('2024-02-01', { subscriptionId: 's1', name: 'a' }), line('2024-02-01', { subscriptionId: 's2', name: 'b' })], ['acme/USD/2024-02-01T00:00:00.000Z | - | a,b']],
  ] as const)('%s', (_, lines, expected) => {
    const groups = groupLines(lines as readonly (GroupableLine & { name?: string })[], { customerId: 'acme' });
    expect(groups.map((g) => `${g.key} | ${g.subscriptionId ?? '-'} | ${g.lines.map((l) => l.name).join(',')}`)).toEqual(expected);
  });

  it('IV1a: a line without a period counts as [invoiceAt, invoiceAt)', () => {
    const [group] = groupLines([{ currency: 'USD', invoiceAt: d('2024-01-10') }]);
    expect(group?.period).toEqual({ from: d('2024-01-10'), to: d('2024-01-10') });
    const [mixed] = groupLines([{ currency: 'USD', invoiceAt: d('2024-02-01') }, line('2024-02-01', { servicePeriod: { from: d('2024-01-01'), to: d('2024-02-01') } })]);
    expect(mixed?.period).toEqual({ from: d('2024-01-01'), to: d('2024-02-01') });
    expect(groupLines([])).toEqual([]);
  });
});
