import type { SimulateInvoiceInput } from '../../schema/invoice-input';
import { formatDecimal, parseDecimal, type Decimal } from '../money';
import { formatMinorUnits, type MinorUnits } from '../pricing/minor-units';
import { formatLine, type PriceLine } from '../pricing/price-line';
import type { PricingContext } from '../pricing/pricing-context';
import { applyCoupon, type CouponValue } from './coupon';
import { creditsApplied } from './credits';
import type { Invoice, InvoiceLine, InvoiceTotals } from './invoice';
import { priceInvoiceLine, type LineDraft } from './invoice-line-pricing';
import { percentage } from './percentage-discount';
import { prepareInvoice, type ParsedInvoiceInput, type PreparedInvoice } from './prepare-invoice';
import { lineTax, type TaxRule } from './tax';

/** A line with its tax computed. */
interface TaxedLine {
  readonly draft: LineDraft;
  /** amount − what is left after every discount. */
  readonly discountsTotal: MinorUnits;
  readonly tax: { readonly rule: TaxRule; readonly amount: MinorUnits } | undefined;
  readonly total: MinorUnits;
}

/**
 * Computes the invoice that rate cards, quantities and periods produce, without storage or clock
 * (docs/pricing.md); the same Invoice shape as `tg.invoices`. The result is a `draft` with id
 * `simulated`, its lines `line_<input index>`.
 *
 * Order of operations (docs/semantics.md D11), per line: quantity → usage discount → price →
 * commitments (the minimum spend prorated like a flat fee) → the rate card's percentage discount →
 * the coupons, in order (a percentage off every line; an amount spread over the lines in
 * proportion, by largest remainder, never below zero) → tax (the rate card's `taxConfig`, else the
 * invoice's: exclusive added, inclusive extracted). Per invoice: totals are the sums of the lines;
 * the credits are applied, in order, to the taxed total; amountDue = total − creditsTotal ≥ 0.
 *
 * A flat fee whose `period` is shorter than its `fullPeriod` is prorated (exact milliseconds, or
 * whole calendar days with `proRating: { enabled: true, mode: 'day' }`, in `proRating.timeZone`,
 * default UTC); one prorated to zero, or
 * without a price, gives no line. Every amount is rounded once when produced; every total is a
 * sum of rounded parts.
 *
 * @throws ValidationError listing every problem of the input at once (e.g.
 *   `lines[2].rateCard.price.tiers[1].upTo`, `lines[0].period.from`, `currency`); nothing is
 *   computed until the input is valid.
 * @throws StateError (reason `progressive_volume`) for a volume price with a pre-line quantity.
 * @example
 * const invoice = simulateInvoice({
 *   currency: 'USD',
 *   lines: [
 *     { rateCard: { key: 'platform', type: 'flat_fee', price: { type: 'flat', amount: 49 }, billingCadence: 'P1M' },
 *       period: { from: '2024-01-01', to: '2024-02-01' } },
 *     { rateCard: { key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M',
 *                   price: { type: 'unit', amount: '0.002' }, discounts: { usage: 1000 } },
 *       quantity: 26000, period: { from: '2024-01-01', to: '2024-02-01' } },
 *   ],
 *   taxConfig: { rate: '0.2', behavior: 'exclusive' },
 *   credits: [{ amount: 20 }],
 * });
 * invoice.totals; // amount 99.00 (49 + 25,000 × 0.002), taxes 19.80, total 118.80, credits 20.00, amountDue 98.80
 */
export function simulateInvoice(input: SimulateInvoiceInput): Invoice {
  return simulatePreparedInvoice(prepareInvoice(input));
}

/**
 * {@link simulateInvoice} on an input already validated and read (`prepareInvoice`, or
 * `prepareTrustedInvoice` for lines built from compiled rate cards). @internal
 */
export function simulatePreparedInvoice(prepared: PreparedInvoice): Invoice {
  const { ctx, input: data } = prepared;
  const drafts = priceLines(prepared);
  applyCoupons(drafts, data, ctx);
  const taxed: TaxedLine[] = [];
  const lines: InvoiceLine[] = [];
  for (const draft of drafts) {
    const line = taxLine(draft, prepared.tax, ctx);
    taxed.push(line);
    lines.push(formatInvoiceLine(line, ctx));
  }
  return {
    id: 'simulated',
    customerId: data.customerId ?? '',
    currency: data.currency,
    status: 'draft',
    period: invoicePeriod(prepared),
    lines,
    totals: invoiceTotals(taxed, data, ctx),
  };
}

function priceLines(prepared: PreparedInvoice): LineDraft[] {
  const proRating = prepared.input.proRating;
  const proration = { enabled: proRating?.enabled ?? true, mode: proRating?.mode ?? 'exact', timeZone: proRating?.timeZone } as const;
  const drafts: LineDraft[] = [];
  for (const line of prepared.lines) {
    const draft = priceInvoiceLine(line, proration, prepared.ctx);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function applyCoupons(drafts: LineDraft[], data: ParsedInvoiceInput, ctx: PricingContext): void {
  for (const coupon of data.coupons ?? []) {
    const value: CouponValue =
      coupon.percentage !== undefined
        ? { key: coupon.key, percentage: percentage(parseDecimal(coupon.percentage)) }
        : { key: coupon.key, amount: parseDecimal(coupon.amount ?? 0) };
    const remaining: MinorUnits[] = [];
    for (const draft of drafts) remaining.push(draft.remaining);
    const couponLines = applyCoupon(value, remaining, ctx);
    for (let i = 0; i < drafts.length; i++) {
      const line = couponLines[i];
      const draft = drafts[i];
      if (line === undefined || draft === undefined) continue;
      draft.discounts.push(line);
      draft.remaining += line.amount;
    }
  }
}

function taxLine(draft: LineDraft, invoiceTax: TaxRule | undefined, ctx: PricingContext): TaxedLine {
  const discountsTotal = draft.amount - draft.remaining;
  const rule = draft.line.card.tax ?? invoiceTax;
  if (rule === undefined) return { draft, discountsTotal, tax: undefined, total: draft.remaining };
  const amount = lineTax(draft.remaining, rule, ctx);
  const total = rule.behavior === 'exclusive' ? draft.remaining + amount : draft.remaining;
  return { draft, discountsTotal, tax: { rule, amount }, total };
}

function formatInvoiceLine(taxed: TaxedLine, ctx: PricingContext): InvoiceLine {
  const { draft, tax } = taxed;
  const { card: compiled, index, request } = draft.line;
  const card = compiled.rateCard;
  const precision = ctx.precision;
  // Built field by field (object spread is slow on this hot path), optional fields in API order.
  const line: InvoiceLine = {
    id: `line_${index}`,
    type: card.type,
    name: card.name ?? card.key,
    rateCardKey: card.key,
  } as InvoiceLine;
  if (card.feature !== undefined) line.feature = card.feature;
  line.period = { from: new Date(draft.line.period.from), to: new Date(draft.line.period.to) };
  if (card.type === 'usage_based' && request !== undefined) line.quantity = formatDecimal(request.quantity);
  line.lines = formatLines(draft, precision);
  line.amount = formatMinorUnits(draft.amount, precision);
  line.discountsTotal = formatMinorUnits(taxed.discountsTotal, precision);
  line.taxesTotal = formatMinorUnits(tax === undefined ? 0n : tax.amount, precision);
  line.total = formatMinorUnits(taxed.total, precision);
  if (tax !== undefined) {
    line.tax = { rate: formatDecimal(tax.rule.rate), behavior: tax.rule.behavior, amount: formatMinorUnits(tax.amount, precision) };
  }
  return line;
}

function formatLines(draft: LineDraft, precision: number): PriceLine[] {
  const out: PriceLine[] = [];
  for (const l of draft.charges) out.push(formatLine(l, precision));
  for (const l of draft.discounts) out.push(formatLine(l, precision));
  return out;
}

function invoicePeriod(prepared: PreparedInvoice): { from: Date; to: Date } {
  let from = Infinity;
  let to = -Infinity;
  for (const line of prepared.lines) {
    from = Math.min(from, line.period.from);
    to = Math.max(to, line.period.to);
  }
  return { from: new Date(from), to: new Date(to) };
}

/**
 * The invoice totals, each the sum of the lines' values: Σ amount, Σ discountsTotal, Σ inclusive
 * and Σ exclusive taxes; total = Σ amount − Σ discountsTotal + Σ exclusive, which is exactly
 * Σ line totals. Then the credits, and the amount due.
 */
function invoiceTotals(lines: readonly TaxedLine[], data: ParsedInvoiceInput, ctx: PricingContext): InvoiceTotals {
  let amount = 0n;
  let discounts = 0n;
  let inclusive = 0n;
  let exclusive = 0n;
  for (const line of lines) {
    amount += line.draft.amount;
    discounts += line.discountsTotal;
    const tax = line.tax;
    if (tax?.rule.behavior === 'inclusive') inclusive += tax.amount;
    else if (tax !== undefined) exclusive += tax.amount;
  }
  const total = amount - discounts + exclusive;
  const creditAmounts: Decimal[] = [];
  for (const credit of data.credits ?? []) creditAmounts.push(parseDecimal(credit.amount));
  const credits = creditsApplied(total, creditAmounts, ctx);
  const p = ctx.precision;
  return {
    amount: formatMinorUnits(amount, p),
    discountsTotal: formatMinorUnits(discounts, p),
    taxesInclusiveTotal: formatMinorUnits(inclusive, p),
    taxesExclusiveTotal: formatMinorUnits(exclusive, p),
    taxesTotal: formatMinorUnits(inclusive + exclusive, p),
    creditsTotal: formatMinorUnits(credits, p),
    total: formatMinorUnits(total, p),
    amountDue: formatMinorUnits(total - credits, p),
  };
}
