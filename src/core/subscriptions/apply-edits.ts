import { ValidationError } from '../../errors';
import type { Discounts, RateCard } from '../catalog/rate-card';
import type { FlatPrice, UsagePrice } from '../pricing/price';
import type { Instant } from '../time';
import { toEpochMs } from '../time/internal';
import { cadencesAlign } from '../catalog/cadence-align';
import { subscriptionConflict } from './errors';
import type { TimelineItem, TimelinePhase } from './subscription-timeline';

/** One change to a subscription's items (BILLING.md §1 `Customization`, SB13). */
export type Customization =
  | { op: 'add_item'; phase: string; rateCard: RateCard }
  | { op: 'remove_item'; phase: string; item: string }
  | {
      op: 'override_price';
      phase: string;
      item: string;
      /** The new price; `null` makes a flat fee free (a usage-based card always has a usage price). */
      price: FlatPrice | UsagePrice | null;
      /** The new discounts; absent keeps the item's current ones. */
      discounts?: Discounts | undefined;
    };

/** An edit: customizations applied together at one instant. */
export interface SubscriptionEdit {
  at: Instant;
  customizations: readonly Customization[];
}

/** The most customizations one edit may carry (SB13). */
export const MAX_CUSTOMIZATIONS = 100;

const sameMs = (a: Date, b: number): boolean => a.getTime() === b;
const activeAt = (item: TimelineItem, t: number): boolean => item.from.getTime() <= t && (item.to === null || t < item.to.getTime());
const copy = (date: Date | null): Date | null => (date === null ? null : new Date(date.getTime()));

/**
 * Applies edits to a subscription's phases (BILLING.md SB13), in the order given, each at its instant
 * t. In the phase containing t: `override_price` ends the item's version v at t and starts v + 1
 * over the rest of v (same key, feature and template; the new price, and the new discounts when
 * given); `remove_item` ends the item at t; `add_item` starts a new item at t up to the phase end,
 * at version 0, or one past the key's last version in the phase when it was removed earlier. A phase
 * starting after t is edited in place: no new version, the item spans the phase. A version starting
 * exactly at t is replaced (override) or dropped (remove) rather than left empty.
 *
 * `phases` are the subscription's phases unclipped by `activeTo` (so a phase a later cancel drops
 * can still be named); they are not mutated. `activeFrom`/`activeTo` bound the instants.
 *
 * @throws {@link ValidationError} with the customization's path: `too_many_customizations`
 *   (`edits[k].customizations`, more than {@link MAX_CUSTOMIZATIONS}); `edit_outside_subscription`
 *   (`edits[k].at` before `activeFrom` or at/after `activeTo`); `edits_out_of_order` (`edits[k].at`
 *   before the previous edit's); `unknown_phase` (`…customizations[j].phase`); `phase_ended` (the named
 *   phase ended at or before t); `unknown_item` (`…customizations[j].item`, not active at t);
 *   `price_type_mismatch` (`…price`: a flat price on a usage card or the reverse); `cadence_unaligned`
 *   (`…rateCard.billingCadence`, SB15); and `invalid_instant` for a bad `at`.
 * @throws {@link ConflictError} reason `item_exists`, target `customizations[j].rateCard.key`: an
 *   `add_item` key already active at t in that phase (or present in a later phase edited in place).
 * @example
 * applyEdits(phases, [{ at: '2024-01-16', customizations: [{ op: 'override_price', phase: 'default', item: 'platform',
 *   price: { type: 'flat', amount: '25' } }] }], { planCadence: 'P1M', activeFrom, activeTo: null });
 * // platform v1 [Jan 1, Jan 16) at 30, v2 [Jan 16, –) at 25
 */
export function applyEdits(
  phases: readonly TimelinePhase[],
  edits: readonly SubscriptionEdit[],
  context: { planCadence: string; activeFrom: Date; activeTo: Date | null },
): TimelinePhase[] {
  const out: TimelinePhase[] = phases.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i })) }));
  let previous = Number.NEGATIVE_INFINITY;
  edits.forEach((edit, k) => {
    const at = `edits[${k}].at`;
    const t = toEpochMs(edit.at, at);
    if (t < context.activeFrom.getTime() || (context.activeTo !== null && t >= context.activeTo.getTime())) {
      throw ValidationError.single(at, 'edit_outside_subscription', 'An edit must fall within [activeFrom, activeTo)');
    }
    if (t < previous) throw ValidationError.single(at, 'edits_out_of_order', 'Edits apply in order: this one is before the previous');
    previous = t;
    if (edit.customizations.length > MAX_CUSTOMIZATIONS) {
      throw ValidationError.single(
        `edits[${k}].customizations`,
        'too_many_customizations',
        `An edit carries at most ${MAX_CUSTOMIZATIONS} customizations (got ${edit.customizations.length})`,
      );
    }
    edit.customizations.forEach((c, j) => applyOne(out, c, t, `edits[${k}].customizations[${j}]`, j, context.planCadence));
  });
  return out;
}

function applyOne(phases: TimelinePhase[], c: Customization, t: number, path: string, j: number, planCadence: string): void {
  const phase = phases.find((p) => p.key === c.phase);
  if (phase === undefined) throw ValidationError.single(`${path}.phase`, 'unknown_phase', `The subscription has no phase "${c.phase}"`);
  if (phase.to !== null && phase.to.getTime() <= t) {
    throw ValidationError.single(`${path}.phase`, 'phase_ended', `Phase "${c.phase}" ended before the edit`);
  }
  // a later phase is edited in place: its items all span it, no version is ended
  const inPlace = phase.from.getTime() > t;
  const start = inPlace ? phase.from.getTime() : t;
  if (c.op === 'add_item') {
    const { rateCard } = c;
    if (rateCard.billingCadence !== null && !cadencesAlign(planCadence, rateCard.billingCadence)) {
      throw ValidationError.single(
        `${path}.rateCard.billingCadence`,
        'cadence_unaligned',
        `Cadence ${rateCard.billingCadence} does not align with the plan's ${planCadence}`,
      );
    }
    const same = phase.items.filter((i) => i.key === rateCard.key);
    if (same.some((i) => activeAt(i, start))) {
      throw subscriptionConflict(`Item "${rateCard.key}" is already active in phase "${phase.key}"`, `customizations[${j}].rateCard.key`, 'item_exists');
    }
    const version = same.reduce((max, i) => Math.max(max, i.version), -1) + 1;
    phase.items.push({ key: rateCard.key, version, rateCard, from: new Date(start), to: copy(phase.to), entitlementId: null });
    return;
  }
  const index = phase.items.findIndex((i) => i.key === c.item && activeAt(i, start));
  const item = phase.items[index];
  if (item === undefined) {
    throw ValidationError.single(`${path}.item`, 'unknown_item', `Phase "${phase.key}" has no item "${c.item}" active at the edit`);
  }
  if (c.op === 'remove_item') {
    if (sameMs(item.from, start)) phase.items.splice(index, 1);
    else item.to = new Date(start);
    return;
  }
  const rateCard = overridden(item.rateCard, c, path);
  if (sameMs(item.from, start)) {
    item.rateCard = rateCard;
    return;
  }
  const next: TimelineItem = { key: item.key, version: item.version + 1, rateCard, from: new Date(start), to: copy(item.to), entitlementId: null };
  item.to = new Date(start);
  phase.items.splice(index + 1, 0, next);
}

function overridden(card: RateCard, c: Extract<Customization, { op: 'override_price' }>, path: string): RateCard {
  const discounts = c.discounts === undefined ? {} : { discounts: c.discounts };
  if (card.type === 'flat_fee') {
    if (c.price !== null && c.price.type !== 'flat') {
      throw ValidationError.single(`${path}.price`, 'price_type_mismatch', 'A flat fee takes a flat price or null');
    }
    return { ...card, price: c.price, ...discounts };
  }
  if (c.price === null || c.price.type === 'flat') {
    throw ValidationError.single(`${path}.price`, 'price_type_mismatch', 'A usage-based rate card takes a usage price');
  }
  return { ...card, price: c.price, ...discounts };
}
