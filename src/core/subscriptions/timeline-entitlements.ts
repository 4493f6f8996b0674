import type { EntitlementTemplate, JsonValue } from '../catalog/rate-card';
import { meteredTermsOf } from '../entitlements/metered-terms';
import type { SubscriptionTimeline } from './subscription-timeline';

/** An item version an entitlement comes from. */
export interface EntitlementSource {
  phase: string;
  item: string;
  version: number;
}

/**
 * An entitlement a subscription provisions (BILLING.md EN1, EN2), before storage gives it an id. The
 * metered terms are null for boolean and static templates; `config` is a static template's only.
 */
export interface TimelineEntitlement {
  feature: string;
  type: EntitlementTemplate['type'];
  /** The template as the rate card holds it (deep-equal for every source). */
  template: EntitlementTemplate;
  activeFrom: Date;
  /** Null while the last source is open-ended. */
  activeTo: Date | null;
  /** Metered: `{ interval: template.usagePeriod ?? item cadence ?? plan cadence, anchor: billingAnchor }`, in `timeZone`. */
  usagePeriod: { interval: string; anchor: Date; timeZone: string } | null;
  /** Metered: the start of the phase of its first source. */
  measureUsageFrom: Date | null;
  /** Metered: the grant restored at each reset, amount in canonical decimal, priority default 1 (D8). */
  issueAfterReset: { amount: string; priority: number } | null;
  isSoftLimit: boolean;
  preserveOverageAtReset: boolean;
  /** Static: the configuration handed back by checks. */
  config: Record<string, JsonValue> | null;
  /** The subscription's zone, which the usage periods recur in (BILLING.md §5.11). */
  timeZone: string;
  /** The item versions it spans, in time order. */
  sources: EntitlementSource[];
}

/** Structural equality of JSON-like values; a key holding `undefined` counts as absent. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const ea = defined(a);
  const eb = new Map(defined(b));
  return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && deepEqual(v, eb.get(k)));
}

/**
 * The entitlements a subscription's timeline implies (BILLING.md EN1, EN2), pure. Each item version
 * with a `feature` and an `entitlementTemplate` provisions one, over the version's `[from, to)`;
 * consecutive versions or phases with a deep-equal template (and so the same usage period) share one
 * entitlement whose `activeTo` is extended, so a price-only override or a phase switch onto the same
 * template never restarts usage mid-period (OpenMeter recreates it). A template change, a removal or
 * a gap ends it.
 *
 * Metered (EN2): the usage period recurs every `template.usagePeriod.interval ?? item cadence ?? plan
 * cadence` from the billing anchor (a template's `usagePeriod.anchor` is ignored), in the subscription's
 * zone, so resets fall on billing boundaries; usage is measured from the start of the
 * phase of the first version; `issueAfterReset` as in D8 (priority default 1).
 *
 * @throws {@link ValidationError} `invalid_decimal` (path `issueAfterReset.amount`) for a bad template amount.
 * @example
 * timelineEntitlements(subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', to: '2024-04-01' }));
 * // both phases' api cards carry one template: [{ feature: 'api_calls', activeFrom: Jan 1, activeTo: null,
 * //   usagePeriod: { interval: 'P1M', anchor: Jan 1 }, measureUsageFrom: Jan 1, … }]
 */
export function timelineEntitlements(timeline: SubscriptionTimeline): TimelineEntitlement[] {
  const versions = timeline.phases.flatMap((phase, p) =>
    phase.items.map((item) => ({ phase, p, item })).filter(({ item }) => item.rateCard.feature !== undefined && item.rateCard.entitlementTemplate !== undefined),
  );
  versions.sort((a, b) => a.item.from.getTime() - b.item.from.getTime() || a.p - b.p);
  const out: TimelineEntitlement[] = [];
  for (const { phase, item } of versions) {
    const feature = item.rateCard.feature as string;
    const template = item.rateCard.entitlementTemplate as EntitlementTemplate;
    const interval =
      template.type === 'metered' ? (template.usagePeriod?.interval ?? item.rateCard.billingCadence ?? timeline.billingCadence) : null;
    const previous = out.find(
      (e) =>
        e.feature === feature &&
        e.activeTo !== null &&
        e.activeTo.getTime() === item.from.getTime() &&
        (e.usagePeriod?.interval ?? null) === interval &&
        deepEqual(e.template, template),
    );
    const source = { phase: phase.key, item: item.key, version: item.version };
    if (previous !== undefined) {
      previous.activeTo = item.to === null ? null : new Date(item.to.getTime());
      previous.sources.push(source);
      continue;
    }
    out.push(provision(timeline, feature, template, interval, phase.from, item.from, item.to, source));
  }
  return out;
}

function provision(
  timeline: SubscriptionTimeline,
  feature: string,
  template: EntitlementTemplate,
  interval: string | null,
  phaseFrom: Date,
  from: Date,
  to: Date | null,
  source: EntitlementSource,
): TimelineEntitlement {
  const base = {
    feature,
    type: template.type,
    template,
    activeFrom: new Date(from.getTime()),
    activeTo: to === null ? null : new Date(to.getTime()),
    usagePeriod: null,
    measureUsageFrom: null,
    issueAfterReset: null,
    isSoftLimit: false,
    preserveOverageAtReset: false,
    config: null,
    timeZone: timeline.timeZone,
    sources: [source],
  };
  if (template.type === 'static') return { ...base, config: template.config };
  if (template.type !== 'metered' || interval === null) return base;
  // EN2: always the billing anchor, so resets fall on billing boundaries (a plan-level anchor instant would not)
  const anchor = new Date(timeline.billingAnchor.getTime());
  const terms = meteredTermsOf(
    {
      usagePeriod: { interval, anchor },
      isSoftLimit: template.isSoftLimit,
      issueAfterReset: template.issueAfterReset,
      preserveOverageAtReset: template.preserveOverageAtReset,
      measureUsageFrom: new Date(phaseFrom.getTime()),
    },
    from,
  );
  return {
    ...base,
    usagePeriod: { ...terms.usagePeriod, timeZone: timeline.timeZone },
    measureUsageFrom: terms.measureUsageFrom,
    issueAfterReset: terms.issueAfterReset,
    isSoftLimit: terms.isSoftLimit,
    preserveOverageAtReset: terms.preserveOverageAtReset,
  };
}
