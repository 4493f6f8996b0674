import type { TaxConfig } from '../catalog/rate-card';
import { compileRateCard, isCompiledRateCard, type CompiledRateCard } from '../invoice/compiled-rate-card';
import { prepareInvoice, prepareTrustedInvoice, type PreparedInvoice, type TrustedLineInput } from '../invoice/prepare-invoice';
import { simulatePreparedInvoice } from '../invoice/simulate-invoice';
import type { RateCard } from '../catalog/rate-card';
import { ValidationError } from '../../errors';
import type { CurrencyRegistry, RoundingMode } from '../money';
import type { MatrixUsageItem, NumericInput } from '../pricing/price';
import type { InvoiceLineInput, SimulateInvoiceInput } from '../invoice';
import { subscriptionTimeline, type SubscriptionTimelineInput, type TimelinePlan } from '../subscriptions/subscription-timeline';
import type { Instant, Period } from '../time';
import { toEpochMs } from '../time/internal';
import type { BillingInvoice, BillingInvoiceLine } from './billing-invoice';
import { collectionTimes } from './collection';
import { groupLines, type InvoiceGroup } from './group-lines';
import type { SubscriptionLine } from './pending-line';
import { subscriptionLines } from './subscription-lines';

/** What a usage source is asked for: one usage line's feature, rate card and service period. */
export interface UsageQuery {
  feature: string;
  rateCardKey: string;
  from: Date;
  to: Date;
}

/**
 * The usage {@link billSubscription} prices (BILLING.md §1 `UsageSource`): a quantity per feature,
 * applied to every usage line of that feature (a feature left out has no usage: 0), or a function
 * asked once per usage line, returning its quantity or a matrix price's usage.
 */
export type UsageSource =
  | Readonly<Record<string, NumericInput>>
  | ((query: UsageQuery) => NumericInput | readonly MatrixUsageItem[]);

/** A plan as {@link billSubscription} reads it: a timeline plan with its `proRating`. */
export interface BillablePlan extends TimelinePlan {
  /** Default `{ enabled: true, mode: 'exact' }` (PR1). */
  proRating?: { enabled: boolean; mode?: 'exact' | 'day' | undefined } | undefined;
}

/** Input of {@link billSubscription} (BILLING.md §1 CORE1). */
export interface BillSubscriptionInput {
  plan: BillablePlan;
  /**
   * The subscription's dates and edits, as `subscriptionTimeline` takes them, and its cancel's
   * `proration` (SB9, default `prorate`; `full_period` bills the cut period's flat fees in full).
   */
  subscription: Pick<SubscriptionTimelineInput, 'activeFrom' | 'activeTo' | 'billingAnchor' | 'startingPhase' | 'timeZone' | 'edits'> & {
    proration?: 'prorate' | 'full_period' | undefined;
  };
  usage: UsageSource;
  /** The invoices due at this instant, or with invoiceAt in `[from, to)`. */
  at: Instant | { from: Instant; to: Instant };
  /** The default tax; a rate card's own wins (IV9). */
  taxConfig?: TaxConfig | undefined;
  rounding?: RoundingMode | undefined;
  currencies?: CurrencyRegistry | undefined;
  /** Default `''`. */
  customerId?: string | undefined;
  /** The id the line keys begin with. Default `'subscription'`. */
  subscriptionId?: string | undefined;
  /** The workflow's wait after invoiceAt before usage freezes (IV4). Default `PT1H`. */
  collectionGrace?: string | undefined;
  /** The workflow's review time before auto-issue (IV4). Default `P0D`. */
  draftPeriod?: string | undefined;
}

/**
 * The invoices a fresh subscription produces, as a billing run would create them, without storage
 * (BILLING.md CORE1): `subscriptionTimeline` → `subscriptionLines` → grouped by invoiceAt (IV1) →
 * each group priced by `simulateInvoice`, usage from `usage`. For pricing unit tests ("what will this
 * customer pay this month"). Returns drafts in invoiceAt order: no number, not frozen, `collectionAt`
 * and `draftUntil` as the run sets them when it creates the draft at invoiceAt (IV4); the invoice id
 * is its group key `{customerId}/{currency}/{invoiceAt}`, a line's id its key (BL8). Flat fees of
 * partial periods are prorated (PR1, in the subscription's zone in `day` mode); a group whose lines
 * all bill nothing (prorated to 0) gives no invoice.
 *
 * @throws {@link ValidationError} the codes of `subscriptionTimeline` (dates, zone, edits, …), of
 *   `simulateInvoice` (usage that does not fit its price, e.g. `lines[1].quantity`), `invalid_range`.
 * @example
 * // S52: pro created Jan 1, 1500 calls in January
 * const [invoice] = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' },
 *                                      usage: { api_calls: 1500 }, at: '2024-02-01' });
 * invoice.lines.map((l) => [l.rateCardKey, l.total]); // [['platform', '30.00'], ['api', '15.00']]
 * invoice.totals.total;                                 // '45.00'
 */
export function billSubscription(input: BillSubscriptionInput): BillingInvoice[] {
  const range = billingRange(input.at);
  const { proration, ...dates } = input.subscription;
  const timeline = subscriptionTimeline({ plan: input.plan, ...dates, from: range.from, to: range.to });
  const lines = subscriptionLines(timeline, { ...range, subscriptionId: input.subscriptionId, proration });
  const out: BillingInvoice[] = [];
  for (const group of groupLines(lines, { customerId: input.customerId })) {
    const invoice = priceGroup(input, group, timeline.timeZone);
    if (invoice !== undefined) out.push(invoice);
  }
  return out;
}

/** `at` as an invoiceAt range: an instant is `[at, at + 1 ms)`. */
function billingRange(at: BillSubscriptionInput['at']): { from: Date; to: Date } {
  if (typeof at === 'object' && at !== null && !(at instanceof Date)) {
    return { from: new Date(toEpochMs(at.from, 'at.from')), to: new Date(toEpochMs(at.to, 'at.to')) };
  }
  const ms = toEpochMs(at, 'at');
  return { from: new Date(ms), to: new Date(ms + 1) };
}

function priceGroup(input: BillSubscriptionInput, group: InvoiceGroup<SubscriptionLine>, timeZone: string): BillingInvoice | undefined {
  const proRating = input.plan.proRating;
  const calc: SimulateInvoiceInput = {
    currency: group.currency,
    customerId: group.customerId,
    lines: group.lines.map((line) => lineInput(line, input.usage)),
  };
  if (input.taxConfig !== undefined) calc.taxConfig = input.taxConfig;
  if (input.rounding !== undefined) calc.rounding = input.rounding;
  if (input.currencies !== undefined) calc.currencies = input.currencies;
  if (proRating !== undefined) {
    calc.proRating = proRating.mode === 'day' && timeZone !== 'UTC' ? { ...proRating, timeZone } : proRating;
  }
  // The lines are built from the timeline and compiled rate cards: only the usage and the
  // invoice-wide options need checking; anything invalid goes through the full validation.
  const simulated = simulatePreparedInvoice(prepareTrusted(calc) ?? prepareInvoice(calc));
  if (simulated.lines.length === 0) return undefined; // no empty invoices (IV5)
  const lines: BillingInvoiceLine[] = [];
  for (const line of simulated.lines) {
    const source = group.lines[Number(line.id.slice('line_'.length))] as SubscriptionLine;
    // The calculator's line with the billing fields, written onto it (it is ours; a spread is slow here).
    const out = line as BillingInvoiceLine;
    out.id = source.key;
    out.key = source.key;
    out.managedBy = 'subscription';
    out.subscription = source.subscription;
    out.invoiceAt = source.invoiceAt;
    if (source.fullPeriod !== undefined) out.fullPeriod = source.fullPeriod;
    out.billingPeriod = source.billingPeriod;
    if (line.quantity !== undefined) out.meteredQuantity = line.quantity;
    lines.push(out);
  }
  const hasUsage = lines.some((l) => l.type === 'usage_based');
  // the run creates the draft at invoiceAt (IV4)
  const { collectionAt, draftUntil } = collectionTimes({
    invoiceAt: group.invoiceAt,
    hasUsageLine: hasUsage,
    collectionGrace: input.collectionGrace,
    draftPeriod: input.draftPeriod,
    timeZone,
  });
  const invoice: BillingInvoice = {
    id: group.key,
    customerId: simulated.customerId,
    currency: simulated.currency,
    status: 'draft',
    number: null,
    period: linesPeriod(lines),
    invoiceAt: group.invoiceAt,
    collectionAt,
    draftUntil,
    quantitiesFrozenAt: null,
    overdue: false,
    creditNoteIds: [],
    lines,
    totals: simulated.totals,
  };
  if (group.subscriptionId !== undefined) invoice.subscriptionId = group.subscriptionId;
  return invoice;
}

/**
 * Rate cards compiled once (validated and read into decimals), by identity: a timeline hands out the
 * same rate card object for every period of an item version, and a plan's cards are reused across
 * calls, so `simulateInvoice` does not validate them again for every line (issue 12's speed target).
 * A compiled card is a frozen copy, so a caller mutating its plan later does not change the copy —
 * but it would not be seen either: plans are treated as immutable, as the timeline already does.
 */
const compiledCards = new WeakMap<RateCard, CompiledRateCard | null>();

/**
 * `card` compiled, from the cache; `undefined` when it is invalid (the calculator then reports it
 * with every other problem of the invoice, as it always has).
 */
function compiledRateCard(card: RateCard): CompiledRateCard | undefined {
  let compiled = compiledCards.get(card);
  if (compiled === undefined) {
    try {
      compiled = compileRateCard(card);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      compiled = null;
    }
    compiledCards.set(card, compiled);
  }
  return compiled ?? undefined;
}

/** The calculator's input for one line: the rate card over the service period, usage from the source. */
function lineInput(line: SubscriptionLine, usage: UsageSource): InvoiceLineInput {
  const out: InvoiceLineInput = { rateCard: compiledRateCard(line.rateCard) ?? line.rateCard, period: line.servicePeriod };
  // without its full period the calculator does not prorate (SB9 `full_period`)
  if (line.fullPeriod !== undefined && line.billInFull !== true) out.fullPeriod = line.fullPeriod;
  const card = line.rateCard;
  if (card.type !== 'usage_based') return out;
  if (typeof usage === 'function') {
    const value = usage({ feature: card.feature, rateCardKey: card.key, from: line.servicePeriod.from, to: line.servicePeriod.to });
    if (Array.isArray(value)) out.matrixUsage = value as readonly MatrixUsageItem[];
    else out.quantity = value as NumericInput;
  } else {
    out.quantity = usage[card.feature] ?? 0;
  }
  return out;
}

/** `calc` through the calculator's trusted preparation, when every rate card compiled and no line has matrix usage. */
function prepareTrusted(calc: SimulateInvoiceInput): PreparedInvoice | undefined {
  const lines: TrustedLineInput[] = [];
  for (const line of calc.lines) {
    const card = line.rateCard;
    if (!isCompiledRateCard(card) || line.matrixUsage !== undefined) return undefined;
    const period = line.period as Period;
    const full = line.fullPeriod as Period | undefined;
    lines.push({
      card,
      period: { from: period.from.getTime(), to: period.to.getTime() },
      fullPeriod: full === undefined ? undefined : { from: full.from.getTime(), to: full.to.getTime() },
      quantity: line.quantity,
    });
  }
  const { lines: _, ...envelope } = calc;
  return prepareTrustedInvoice(envelope, lines);
}

/** IV1a over the lines that bill something. */
function linesPeriod(lines: readonly BillingInvoiceLine[]): Period {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    from = Math.min(from, line.period.from.getTime());
    to = Math.max(to, line.period.to.getTime());
  }
  return { from: new Date(from), to: new Date(to) };
}
