import type { Period } from '../time';

/** What {@link groupLines} reads of a line: a {@link PendingLine} has it all but the customer. */
export interface GroupableLine {
  currency: string;
  invoiceAt: Date;
  /** Absent for a manual line given no period: it counts as `[invoiceAt, invoiceAt)` (IV1a). */
  servicePeriod?: Period | undefined;
  /** A subscription line's subscription; manual lines have none (or a `pendingItemId`). */
  subscriptionId?: string | undefined;
  pendingItemId?: string | undefined;
  /** Default: the `customerId` option. */
  customerId?: string | undefined;
}

/** Lines that go on one invoice (IV1): same customer, currency and invoiceAt. */
export interface InvoiceGroup<L extends GroupableLine = GroupableLine> {
  /** `{customerId}/{currency}/{invoiceAt ISO}`: the invoice key without the storage's `seq`. */
  key: string;
  customerId: string;
  currency: string;
  invoiceAt: Date;
  /** [earliest line start, latest line end) (IV1a). */
  period: Period;
  /** Set when every subscription line shares one subscription (manual lines do not count). */
  subscriptionId?: string;
  /** In input order. */
  lines: L[];
}

/** Options of {@link groupLines}. */
export interface GroupLinesOptions {
  /** The customer of lines without a `customerId`. Default `''`. */
  customerId?: string | undefined;
}

/**
 * Groups due lines into invoice drafts (BILLING.md IV1, IV1a, MI2): one per (customer, currency,
 * invoiceAt), so the result does not depend on when the run executes; `period` = [earliest line start,
 * latest line end), a line without a period counting as [invoiceAt, invoiceAt); `subscriptionId`
 * when all its subscription lines share one. Groups come in the run's issue order (invoiceAt,
 * customer, currency; RUN2); which existing draft (`seq`) a group joins is storage's concern.
 * @example
 * groupLines(subscriptionLines(timeline, { from: jan1, to: mar2 }), { customerId: 'acme' });
 * // [{ key: 'acme/USD/2024-01-01T00:00:00.000Z', invoiceAt: Jan 1, lines: [platform] },
 * //  { key: 'acme/USD/2024-02-01T00:00:00.000Z', invoiceAt: Feb 1, lines: [platform, api] }, …]
 */
export function groupLines<L extends GroupableLine>(lines: readonly L[], options: GroupLinesOptions = {}): InvoiceGroup<L>[] {
  const groups = new Map<string, { group: InvoiceGroup<L>; subscriptions: Set<string> }>();
  for (const line of lines) {
    const customerId = line.customerId ?? options.customerId ?? '';
    const key = `${customerId}/${line.currency}/${line.invoiceAt.toISOString()}`;
    const from = line.servicePeriod?.from ?? line.invoiceAt;
    const to = line.servicePeriod?.to ?? line.invoiceAt;
    let entry = groups.get(key);
    if (entry === undefined) {
      const group: InvoiceGroup<L> = { key, customerId, currency: line.currency, invoiceAt: line.invoiceAt, period: { from, to }, lines: [] };
      entry = { group, subscriptions: new Set() };
      groups.set(key, entry);
    }
    const { group } = entry;
    group.lines.push(line);
    if (from.getTime() < group.period.from.getTime()) group.period = { from, to: group.period.to };
    if (to.getTime() > group.period.to.getTime()) group.period = { from: group.period.from, to };
    if (line.subscriptionId !== undefined && line.pendingItemId === undefined) entry.subscriptions.add(line.subscriptionId);
  }
  const out: InvoiceGroup<L>[] = [];
  for (const { group, subscriptions } of groups.values()) {
    const [only] = subscriptions;
    if (subscriptions.size === 1 && only !== undefined) group.subscriptionId = only;
    out.push(group);
  }
  return out.sort(
    (a, b) =>
      a.invoiceAt.getTime() - b.invoiceAt.getTime() ||
      compare(a.customerId, b.customerId) ||
      compare(a.currency, b.currency),
  );
}

/** Code-unit order, the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
