import { ValidationError } from '../../errors';
import type { SubscriptionTimeline, TimelineItem, TimelinePhase } from '../subscriptions/subscription-timeline';
import { MAX_PERIODS, type Instant, type Period } from '../time';
import { parseIntervalCached, Recurrence, toEpochMs } from '../time/internal';
import { invoiceAtMs, paymentTerm } from './invoice-at';
import { lineKey } from './line-key';
import type { SubscriptionLine } from './pending-line';

/** Options of {@link subscriptionLines}. */
export interface SubscriptionLinesOptions {
  /** Inclusive start of the invoiceAt range. */
  from: Instant;
  /** Exclusive end of the invoiceAt range. */
  to: Instant;
  /** The id the line keys begin with (a timeline has none). Default `'subscription'`. */
  subscriptionId?: string | undefined;
  /**
   * The cancel's proration (SB9): with `full_period`, flat lines cut by `activeTo` bill their full
   * amount (`billInFull`). Default `prorate`.
   */
  proration?: 'prorate' | 'full_period' | undefined;
}

/** A `[from, to)` in epoch milliseconds. */
interface Span {
  from: number;
  to: number;
}

/**
 * The billable lines of a subscription whose invoiceAt lies in `[from, to)`, ordered by invoiceAt
 * (then phase, item, period), from its timeline alone (BILLING.md BL1–BL4, BL8):
 *
 * - BL1: an item whose price is null (a trial card, a free feature) has no line.
 * - BL2: a recurring item bills the periods of its own cadence's grid, anchored at the billing anchor
 *   in the subscription's zone; service period = grid period ∩ item version (non-empty), `fullPeriod`
 *   the grid period; `periodIndex` counts from the period holding the version start.
 * - BL3: flat in advance is due at the service start; usage and flat in arrears at max(service end,
 *   end of the plan-cadence billing period (SB5) holding the service start).
 * - BL4: a one-time item (cadence null) has one line per version, its period the billing period
 *   holding the version start, due at the version start (in advance) or that period's end.
 * - BL8: keys `{subscriptionId}/{phase}/{item}/v{version}/p{periodIndex}` (one-time: no `/p`).
 * - SB9: with `proration: 'full_period'`, a flat line whose service period a cancel cut (it ends at
 *   `activeTo`, before its full period does) is marked `billInFull`.
 *
 * Billing periods are computed from the phases and the plan cadence, so the timeline's own
 * `billingPeriods` (listed over whatever range it was built for) are not needed.
 *
 * @throws {@link ValidationError} `invalid_range` (path `to`) when `to` is before `from`;
 *   `too_many_periods` (path `to`) when one item would list more than `MAX_PERIODS` periods.
 * @example
 * const timeline = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-03-01' });
 * subscriptionLines(timeline, { from: '2024-02-01', to: '2024-02-02', subscriptionId: 'sub_1' });
 * // [ platform [Feb 1, Mar 1) key 'sub_1/default/platform/v0/p1' invoiceAt Feb 1,
 * //   api [Jan 1, Feb 1) key 'sub_1/default/api/v0/p0' invoiceAt Feb 1 ]
 */
export function subscriptionLines(timeline: SubscriptionTimeline, options: SubscriptionLinesOptions): SubscriptionLine[] {
  const fromMs = toEpochMs(options.from, 'from');
  const toMs = toEpochMs(options.to, 'to');
  if (fromMs > toMs) throw ValidationError.single('to', 'invalid_range', '`to` is before `from`: the range [from, to) must not be reversed');
  const subscriptionId = options.subscriptionId ?? 'subscription';
  const anchor = timeline.billingAnchor.getTime();
  const plan = new Grid(new Recurrence(anchor, parseIntervalCached(timeline.billingCadence, 'billingCadence'), timeline.timeZone));
  const out: SubscriptionLine[] = [];
  if (fromMs === toMs) return out;
  const fullPeriodEnd = options.proration === 'full_period' && timeline.activeTo !== null ? timeline.activeTo.getTime() : undefined;
  const grids = new Map<string, Grid>([[timeline.billingCadence, plan]]);
  const context: Context = { timeline, subscriptionId, plan, grids, range: { from: fromMs, to: toMs }, out, fullPeriodEnd };
  for (const phase of timeline.phases) {
    for (const item of phase.items) {
      if (item.rateCard.type === 'flat_fee' && item.rateCard.price === null) continue; // BL1
      if (item.to !== null && item.to.getTime() <= item.from.getTime()) continue;
      if (item.rateCard.billingCadence === null) oneTimeLine(context, phase, item);
      else recurringLines(context, phase, item, item.rateCard.billingCadence);
    }
  }
  // stable: lines of one instant keep the phase, item and period order
  return out.sort((a, b) => a.invoiceAt.getTime() - b.invoiceAt.getTime());
}

interface Context {
  readonly timeline: SubscriptionTimeline;
  readonly subscriptionId: string;
  /** The plan cadence's grid (SB3). */
  readonly plan: Grid;
  /** The grid of each item cadence met so far (the plan's included), shared by the items of that cadence. */
  readonly grids: Map<string, Grid>;
  readonly range: Span;
  readonly out: SubscriptionLine[];
  /** `activeTo` under a `full_period` cancel: flat lines cut there bill in full (SB9). */
  readonly fullPeriodEnd: number | undefined;
}

/** SB5: the billing period holding `ms`, which lies in `phase`: the plan's grid period cut to the phase. */
function billingPeriodAt(plan: Grid, phase: TimelinePhase, ms: number): Span {
  const k = plan.indexAt(ms);
  const phaseTo = phase.to === null ? Number.POSITIVE_INFINITY : phase.to.getTime();
  return { from: Math.max(plan.boundary(k), phase.from.getTime()), to: Math.min(plan.boundary(k + 1), phaseTo) };
}

/** BL4: one line per version of a one-time item. */
function oneTimeLine(context: Context, phase: TimelinePhase, item: TimelineItem): void {
  const start = item.from.getTime();
  const billing = billingPeriodAt(context.plan, phase, start);
  const invoiceAt = invoiceAtMs(paymentTerm(item.rateCard), { from: start, to: billing.to }, billing);
  if (invoiceAt < context.range.from || invoiceAt >= context.range.to) return;
  context.out.push(line(context, phase, item, { service: billing, full: undefined, billing, invoiceAt, periodIndex: undefined }));
}

/** BL2, BL3: the periods of a recurring item due in the range. */
function recurringLines(context: Context, phase: TimelinePhase, item: TimelineItem, cadence: string): void {
  const { plan, range } = context;
  let grid = context.grids.get(cadence);
  if (grid === undefined) {
    grid = new Grid(new Recurrence(plan.anchorMs, parseIntervalCached(cadence, 'rateCard.billingCadence'), plan.zone));
    context.grids.set(cadence, grid);
  }
  const start = item.from.getTime();
  const end = item.to === null ? Number.POSITIVE_INFINITY : item.to.getTime();
  // A line due at or after range.from ends there or later (its grid period holds range.from − 1 or
  // follows it), or starts in a billing period ending there or later: no earlier service start.
  const before = range.from - 1;
  const lowest = Math.min(grid.boundary(grid.indexAt(before)), plan.boundary(plan.indexAt(before)));
  const lo = Math.max(start, lowest);
  // Every line is due at or after its service start.
  const hi = Math.min(end, range.to);
  if (!(lo < hi)) return;
  const first = grid.indexAt(lo);
  const last = grid.indexAt(hi - 1);
  if (last - first + 1 > MAX_PERIODS) {
    throw ValidationError.single('to', 'too_many_periods', `item ${item.key} has ${last - first + 1} periods of ${cadence} in the range, more than ${MAX_PERIODS}`);
  }
  const origin = grid.indexAt(start);
  const term = paymentTerm(item.rateCard);
  let from = grid.boundary(first);
  for (let k = first; k <= last; k += 1) {
    const to = grid.boundary(k + 1);
    const service = { from: Math.max(from, start), to: Math.min(to, end) };
    if (service.from < service.to) {
      const billing = billingPeriodAt(plan, phase, service.from);
      const invoiceAt = invoiceAtMs(term, service, billing);
      if (invoiceAt >= range.from && invoiceAt < range.to) {
        context.out.push(line(context, phase, item, { service, full: { from, to }, billing, invoiceAt, periodIndex: k - origin }));
      }
    }
    from = to;
  }
}

/**
 * A recurrence whose boundaries are computed once per `subscriptionLines` call: every item of a
 * cadence, and every line's billing period, asks for the same few boundaries (each a calendar
 * computation in the zone).
 */
class Grid {
  private readonly boundaries = new Map<number, number>();
  readonly anchorMs: number;
  readonly zone: string;

  constructor(private readonly recurrence: Recurrence) {
    this.anchorMs = recurrence.anchorMs;
    this.zone = recurrence.zone;
  }

  /** Epoch milliseconds of boundary k, as {@link Recurrence.boundary}. */
  boundary(k: number): number {
    let ms = this.boundaries.get(k);
    if (ms === undefined) {
      ms = this.recurrence.boundary(k);
      this.boundaries.set(k, ms);
    }
    return ms;
  }

  /** The k with `boundary(k) <= ms < boundary(k + 1)`, as {@link Recurrence.indexAt}. */
  indexAt(ms: number): number {
    let k = Math.floor((ms - this.anchorMs) / this.recurrence.averageMs);
    for (let steps = 0; !(this.boundary(k) <= ms) && steps < 64; steps += 1) k -= 1;
    for (let steps = 0; this.boundary(k + 1) <= ms && steps < 64; steps += 1) k += 1;
    return k;
  }
}

interface LineSpans {
  service: Span;
  full: Span | undefined;
  billing: Span;
  invoiceAt: number;
  periodIndex: number | undefined;
}

function period(span: Span): Period {
  return { from: new Date(span.from), to: new Date(span.to) };
}

function line(context: Context, phase: TimelinePhase, item: TimelineItem, spans: LineSpans): SubscriptionLine {
  const card = item.rateCard;
  const { subscriptionId } = context;
  const source = { id: subscriptionId, phase: phase.key, item: item.key, version: item.version };
  const out: SubscriptionLine = {
    key: lineKey({ subscriptionId, ...source, periodIndex: spans.periodIndex }),
    subscriptionId,
    name: card.name ?? card.key,
    rateCardKey: card.key,
    currency: context.timeline.currency,
    servicePeriod: period(spans.service),
    billingPeriod: period(spans.billing),
    invoiceAt: new Date(spans.invoiceAt),
    rateCard: card,
    subscription: spans.periodIndex === undefined ? source : { ...source, periodIndex: spans.periodIndex },
  };
  if (card.feature !== undefined) out.feature = card.feature;
  if (spans.full !== undefined) {
    out.fullPeriod = period(spans.full);
    const cut = context.fullPeriodEnd;
    if (card.type === 'flat_fee' && cut !== undefined && spans.service.to === cut && cut < spans.full.to) out.billInFull = true;
  }
  return out;
}
