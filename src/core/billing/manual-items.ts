import { ValidationError, type ValidationIssue } from '../../errors';
import { ONE, formatDecimal, parseDecimal, roundAmount, type CurrencyRegistry, type Decimal, type RoundingMode } from '../money';
import type { NumericInput } from '../pricing/price';
import { currencyPrecision } from '../pricing/price-usage';
import type { Instant, Period } from '../time';
import { toEpochMs } from '../time/internal';

/** What `tg.invoices.addItem` takes (BILLING.md §1), as {@link manualItem} reads it. */
export interface ManualItemInput {
  name: string;
  /** Default: the customer's currency (MI1). */
  currency?: string | undefined;
  /** Default 1. */
  quantity?: NumericInput | undefined;
  /** amount = round(quantity × unitAmount) when `amount` is not given. */
  unitAmount?: NumericInput | undefined;
  /** The item's amount; wins over quantity × unitAmount. */
  amount?: NumericInput | undefined;
  /** Default: the creation instant; `'next_invoice'`: the customer's next subscription invoice (MI1). */
  invoiceAt?: Instant | 'next_invoice' | undefined;
  period?: { from: Instant; to: Instant } | undefined;
}

/** What {@link manualItem} needs besides the input: the customer and the clock. */
export interface ManualItemContext {
  /** The customer's currency, when it has one. */
  customerCurrency?: string | null | undefined;
  /** The `addItem` instant. */
  createdAt: Instant;
  rounding?: RoundingMode | undefined;
  currencies?: CurrencyRegistry | undefined;
}

/** A manual item once read (BILLING.md §1 `PendingItem`, without its id and customer). */
export interface ManualItem {
  name: string;
  currency: string;
  /** A decimal string. */
  quantity: string;
  unitAmount?: string;
  /** Rounded to the currency's minor units, a decimal string. */
  amount: string;
  /** A fixed instant, or `'next_invoice'` (resolved at each run by {@link nextInvoiceAt}). */
  invoiceAt: Date | 'next_invoice';
  createdAt: Date;
  period?: Period;
}

/**
 * Reads a manual item (BILLING.md MI1, §5.10): amount = round(quantity × unitAmount) to the
 * currency's minor units, or `amount` (rounded likewise) when given; quantity defaults to 1;
 * currency defaults to the customer's, else ValidationError `currency_required`; invoiceAt defaults
 * to the creation instant, `'next_invoice'` is kept for the run to resolve ({@link nextInvoiceAt}).
 * Every problem is reported at once.
 * @throws {@link ValidationError} `currency_required` (path `currency`), `unknown_currency`,
 *   `amount_required` (neither `amount` nor `unitAmount`), `negative`, `invalid_decimal`,
 *   `invalid_instant`, `invalid_range` (path `period`).
 * @example
 * // S45: Jan 10, onboarding 3 × 25 for acme (USD)
 * manualItem({ name: 'Onboarding', quantity: 3, unitAmount: 25 }, { customerCurrency: 'USD', createdAt: '2024-01-10' });
 * // { name: 'Onboarding', currency: 'USD', quantity: '3', unitAmount: '25', amount: '75', invoiceAt: 2024-01-10, createdAt: 2024-01-10 }
 */
export function manualItem(input: ManualItemInput, context: ManualItemContext): ManualItem {
  const issues: ValidationIssue[] = [];
  const currency = input.currency ?? context.customerCurrency ?? undefined;
  let precision: number | undefined;
  if (currency === undefined) {
    issues.push({ path: 'currency', code: 'currency_required', message: 'the customer has no currency: give the item one' });
  } else {
    precision = currencyPrecision(currency, context.currencies, issues);
  }
  const quantity = input.quantity === undefined ? ONE : nonNegative(input.quantity, 'quantity', issues);
  const unitAmount = input.unitAmount === undefined ? undefined : nonNegative(input.unitAmount, 'unitAmount', issues);
  const given = input.amount === undefined ? undefined : nonNegative(input.amount, 'amount', issues);
  if (input.amount === undefined && input.unitAmount === undefined) {
    issues.push({ path: 'amount', code: 'amount_required', message: 'give an amount, or a unitAmount (× quantity)' });
  }
  const createdAt = instant(context.createdAt, 'createdAt', issues);
  const invoiceAt = input.invoiceAt === 'next_invoice' ? 'next_invoice' : input.invoiceAt === undefined ? createdAt : instant(input.invoiceAt, 'invoiceAt', issues);
  let period: Period | undefined;
  if (input.period !== undefined) {
    const from = instant(input.period.from, 'period.from', issues);
    const to = instant(input.period.to, 'period.to', issues);
    if (from !== undefined && to !== undefined) {
      if (from.getTime() > to.getTime()) issues.push({ path: 'period', code: 'invalid_range', message: 'period.to is before period.from' });
      period = { from, to };
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const exact = given ?? (quantity as Decimal).times(unitAmount as Decimal);
  const out: ManualItem = {
    name: input.name,
    currency: currency as string,
    quantity: formatDecimal(quantity as Decimal),
    amount: formatDecimal(roundAmount(exact, precision as number, context.rounding)),
    invoiceAt: invoiceAt as Date | 'next_invoice',
    createdAt: createdAt as Date,
  };
  if (unitAmount !== undefined) out.unitAmount = formatDecimal(unitAmount);
  if (period !== undefined) out.period = period;
  return out;
}

/** A line the next-invoice rule can join: an unbilled subscription line of the customer. */
export interface NextInvoiceCandidate {
  currency: string;
  invoiceAt: Date;
  /** Only subscription lines count (manual ones do not make a "next invoice"). */
  subscriptionId?: string | undefined;
}

/**
 * Where a `'next_invoice'` item goes (MI1, §5.10): the earliest invoiceAt at or after the item's
 * creation among the customer's unbilled subscription lines in the item's currency (the next
 * cycle's invoice), or `null` when there is none (the item waits; `invoiceNow` bills it, PB1).
 * Resolved at each run from the lines pending then.
 * @example
 * // S45: created Jan 10; pro's next lines are due Feb 1
 * nextInvoiceAt({ currency: 'USD', createdAt: d('2024-01-10') }, pendingLines); // 2024-02-01
 */
export function nextInvoiceAt(item: { currency: string; createdAt: Instant }, lines: readonly NextInvoiceCandidate[]): Date | null {
  const created = toEpochMs(item.createdAt, 'createdAt');
  let best = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.subscriptionId === undefined || line.currency !== item.currency) continue;
    const at = line.invoiceAt.getTime();
    if (at >= created && at < best) best = at;
  }
  return best === Number.POSITIVE_INFINITY ? null : new Date(best);
}

/**
 * The instant a pending item is billed at (MI1): its fixed invoiceAt, or its `'next_invoice'`
 * resolved against the customer's unbilled subscription lines ({@link nextInvoiceAt}); `null`
 * while it waits. A run bills the item when this is at or before its asOf.
 * @example
 * itemInvoiceAt(s45Item, []);             // 2024-01-10 (its own invoice)
 * itemInvoiceAt(s45NextItem, proLines);   // 2024-02-01 (joins the Feb 1 invoice: 45.00 + 75.00)
 */
export function itemInvoiceAt(item: Pick<ManualItem, 'currency' | 'createdAt' | 'invoiceAt'>, lines: readonly NextInvoiceCandidate[]): Date | null {
  return item.invoiceAt === 'next_invoice' ? nextInvoiceAt(item, lines) : item.invoiceAt;
}

function nonNegative(value: NumericInput, path: string, issues: ValidationIssue[]): Decimal | undefined {
  let d: Decimal;
  try {
    d = parseDecimal(value, path);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
  if (d.isNegative()) {
    issues.push({ path, code: 'negative', message: `${path} must not be negative` });
    return undefined;
  }
  return d;
}

function instant(value: Instant, path: string, issues: ValidationIssue[]): Date | undefined {
  try {
    return new Date(toEpochMs(value, path));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}
