/**
 * Entitlement records as the storage port reads and writes them: entitlements, grants, manual
 * resets, balance snapshots and usage checkpoints.
 * Instants are `Date` (epoch ms where they sit on the check or ingest hot path); decimals are
 * canonical decimal strings, never floats.
 */

/** The kinds of entitlement. */
export type EntitlementKind = 'metered' | 'boolean' | 'static';

/** A notification threshold as stored; `value` is a decimal string. */
export interface ThresholdRecord {
  type: 'usage_percentage' | 'usage' | 'balance';
  value: string;
}

/**
 * An entitlement as stored. Only `deletedAt`, `version` and (for a subscription-managed one)
 * `activeTo` change after creation.
 */
export interface EntitlementRecord {
  id: string;
  customerId: string;
  featureId: string;
  /** The feature's key when the entitlement was created. */
  featureKey: string;
  type: EntitlementKind;
  /**
   * Metered only: the usage-period grid, recurring in `timeZone` (absent: UTC; a subscription's
   * entitlements recur in the subscription's zone, BILLING.md §5.11).
   */
  usagePeriod: { interval: string; anchor: Date; timeZone?: string } | null;
  isSoftLimit: boolean;
  /** Metered only: the allowance restored every period (a grant with this id prefix is created with it). */
  issueAfterReset: { amount: string; priority: number } | null;
  preserveOverageAtReset: boolean;
  /** Metered only: usage before this instant does not count. */
  measureUsageFrom: Date | null;
  activeFrom: Date | null;
  activeTo: Date | null;
  /** Static only: the JSON config. */
  config: unknown;
  thresholds: ThresholdRecord[];
  metadata: Record<string, unknown>;
  /** The subscription that provisions and manages it (BILLING.md EN1, EN3); null for a manual one. */
  subscriptionId: string | null;
  /** Increases with every change of the entitlement's grants, resets or state (caches key on it). */
  version: number;
  createdAt: Date;
  /** Soft delete: from this instant on, checks deny with `inactive`. */
  deletedAt: Date | null;
}

/** A grant of usage allowance on a metered entitlement, as stored. Only `voidedAt` changes. */
export interface GrantRecord {
  id: string;
  entitlementId: string;
  customerId: string;
  featureId: string;
  /** Decimal string ≥ 0. */
  amount: string;
  priority: number;
  effectiveAt: Date;
  expiresAt: Date | null;
  voidedAt: Date | null;
  /** Decimal string. */
  minRolloverAmount: string;
  /** Decimal string; null means the grant's amount. */
  maxRolloverAmount: string | null;
  recurrence: { interval: string; anchor: Date } | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

/** A manual reset of an entitlement's usage. */
export interface EntitlementResetRecord {
  id: string;
  entitlementId: string;
  at: Date;
  retainAnchor: boolean;
  preserveOverage: boolean;
  createdAt: Date;
}

/**
 * The burn-down state of an entitlement at the start of a usage period, so a check replays only
 * the current period. Valid for the attribution it was computed with (`fingerprint`).
 */
export interface BalanceSnapshotRecord {
  entitlementId: string;
  /** The period start (a reset instant). */
  at: Date;
  /** Which customer attribution the snapshot was computed for; a snapshot of another one is ignored. */
  fingerprint: string;
  /** Balance of each active grant, decimal strings. */
  balances: Record<string, string>;
  /** Overage carried into the period (preserved overage), decimal string. */
  overage: string;
}

/**
 * The state at the start of the entitlement's current burn-down segment plus the usage counted
 * since (`tail`), kept up to date by ingestion in the same transaction as the events, so a check
 * needs neither rollups nor events. Valid for one entitlement `version` and one `fingerprint`.
 */
export interface UsageCheckpointRecord {
  entitlementId: string;
  version: number;
  fingerprint: string;
  /** Start of the segment, epoch ms. */
  segmentStartMs: number;
  /** Start of the usage period that contains the segment, epoch ms. */
  periodStartMs: number;
  /** Balances by grant id at the segment start. */
  balances: Record<string, string>;
  overage: string;
  /** Usage of the period before the segment start. */
  usage: string;
  grantUsage: string;
  /**
   * Usage of the entitlement's events stamped in [segment start, `pendingFromMs`) — every one of
   * them, and no other — decimal string.
   */
  tail: string;
  /** Every event counted in `tail` is stamped before this instant (epoch ms). */
  tailBoundMs: number;
  /**
   * The earliest instant of an event stamped after the now of its ingestion (a client with a skewed
   * clock) that `tail` leaves out, epoch ms; null when there is none. A check at or after it rebuilds.
   */
  pendingFromMs: number | null;
  /** The tail at which a notification may fire (a threshold or a grant running out); null for none. */
  notifyAt: string | null;
}

/** A metered entitlement whose customer owns some of a batch's subjects: what ingestion needs. */
export interface TrackedEntitlement {
  entitlementId: string;
  customerId: string;
  featureId: string;
  /** The customer's subject keys among those asked for. */
  subjects: string[];
  /** The feature's group-by filters. */
  filters: Record<string, string | string[]>;
  hasThresholds: boolean;
}

/** What a check reads in one go: the customer and the feature a check names, their entitlements and checkpoints. */
export interface CheckTarget {
  customerId: string;
  /** Changes whenever the customer (its subject keys included) changes. */
  customerUpdatedAt: Date;
  featureId: string;
  featureKey: string;
  meterKey: string | null;
  filters: Record<string, string | string[]>;
  /** Every entitlement of the customer to the feature, deleted ones too, by id. */
  entitlements: EntitlementRecord[];
  /** The checkpoints of those entitlements that have one. */
  checkpoints: UsageCheckpointRecord[];
}
