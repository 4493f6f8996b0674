import type { RateCard } from '../catalog/rate-card';

/** When a line bills: flat in advance, or in arrears (usage, flat `in_arrears`). */
export type PaymentTerm = 'in_advance' | 'in_arrears';

/**
 * A rate card's payment term (BL3): a flat price's `paymentTerm` (default `in_advance`); usage is
 * always billed in arrears.
 * @example
 * paymentTerm({ key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price: { type: 'unit', amount: 1 } }); // 'in_arrears'
 */
export function paymentTerm(card: RateCard): PaymentTerm {
  if (card.type === 'usage_based') return 'in_arrears';
  return card.price?.paymentTerm ?? 'in_advance';
}

/**
 * When a line is due (BILLING.md BL3, BL4), in epoch milliseconds. Recurring: flat in advance at the
 * service start (OpenMeter uses the billing-period start, already past for an item starting
 * mid-period); everything else at max(service end, end of the plan-cadence billing period holding
 * the service start), so the plan cadence is the invoicing rhythm (§5.8). One-time (BL4): the
 * version start in advance, the billing period's end in arrears: pass `[version start, billing
 * period end)` as `service`.
 * @example
 * // a P1D in-arrears item on a P1M plan: day Jan 5 is invoiced Feb 1
 * invoiceAtMs('in_arrears', { from: jan5, to: jan6 }, { from: jan1, to: feb1 }); // feb1
 */
export function invoiceAtMs(
  term: PaymentTerm,
  service: { readonly from: number; readonly to: number },
  billingPeriod: { readonly from: number; readonly to: number },
): number {
  return term === 'in_advance' ? service.from : Math.max(service.to, billingPeriod.to);
}
