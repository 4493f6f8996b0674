/**
 * Subscription records as the storage port reads and writes them: the subscription (its dates,
 * anchor, chain links and the plan it snapshots), its phases and its item versions. Instants are
 * `Date`; rate cards, plan phases and customizations are validated JSON the core reads back.
 */

/**
 * The plan a subscription snapshots when it starts (BILLING.md SB1): the published version's body,
 * or a custom plan's. Later versions of the key never change it.
 */
export interface SubscriptionPlanSnapshot {
  name: string;
  billingCadence: string;
  proRating: { enabled: boolean; mode: 'exact' | 'day' };
  /** The plan's phases as validated JSON (`{ key, name?, duration, rateCards }`). */
  phases: unknown[];
}

/** Customizations applied at one instant (BILLING.md SB13), as validated JSON. */
export interface SubscriptionEditRecord {
  at: Date;
  customizations: unknown[];
}

/** One version of an item of a phase over `[from, to)`, with the entitlement it provisions. */
export interface SubscriptionItemRecord {
  key: string;
  version: number;
  /** The rate card of this version, as validated JSON. */
  rateCard: unknown;
  from: Date;
  to: Date | null;
  /** The entitlement this version provisions (shared by consecutive versions with one template, EN1). */
  entitlementId: string | null;
}

/** A phase of a subscription over `[from, to)`, with its item versions in order. */
export interface SubscriptionPhaseRecord {
  key: string;
  name: string | null;
  from: Date;
  to: Date | null;
  items: SubscriptionItemRecord[];
}

/**
 * A subscription as stored. Its phases and items are the timeline materialized at the last write
 * (recomputed from the plan snapshot, dates and edits, then stored), so reads need no computation.
 */
export interface SubscriptionRecord {
  id: string;
  customerId: string;
  name: string;
  currency: string;
  /** The plan key and version; both null for a custom plan. */
  planKey: string | null;
  planVersion: number | null;
  plan: SubscriptionPlanSnapshot;
  /** True once an edit changed it (SB13). */
  customized: boolean;
  billingAnchor: Date;
  startingPhase: string | null;
  /** IANA zone of the billing grid and the entitlements' usage periods (SB3). */
  timeZone: string;
  activeFrom: Date;
  activeTo: Date | null;
  /** How the period containing a cancel bills its flat fees (SB9); null until canceled. */
  cancelProration: 'prorate' | 'full_period' | null;
  edits: SubscriptionEditRecord[];
  previousSubscriptionId: string | null;
  nextSubscriptionId: string | null;
  metadata: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  /** Only a scheduled subscription is deleted; it stays readable, inactive (SB6). */
  deletedAt: Date | null;
  /** Increases by one with every write (the outbox revision, NT1). */
  revision: number;
  phases: SubscriptionPhaseRecord[];
}

/** Which subscriptions a list returns by status at an instant (SB6). */
export interface SubscriptionStatusFilter {
  status: 'scheduled' | 'active' | 'canceled' | 'inactive';
  at: Date;
}
