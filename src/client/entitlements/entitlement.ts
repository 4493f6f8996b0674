import type { EntitlementValue as CoreEntitlementValue } from '../../core/entitlements';
import type { Period } from '../../core/time';
import type { EntitlementRecord, GrantRecord } from '../../storage';

/** An entitlement: a customer's right to a feature (metered with grants, boolean, or static with a config). */
export interface Entitlement {
  id: string;
  customerId: string;
  featureId: string;
  featureKey: string;
  type: 'metered' | 'boolean' | 'static';
  /** Metered: the usage-period grid, recurring in `timeZone` (absent: UTC; a subscription's zone for the entitlements it provisions). */
  usagePeriod: { interval: string; anchor: Date; timeZone?: string } | null;
  isSoftLimit: boolean;
  issueAfterReset: { amount: string; priority: number } | null;
  preserveOverageAtReset: boolean;
  measureUsageFrom: Date | null;
  activeFrom: Date | null;
  activeTo: Date | null;
  /** Static: the JSON config. */
  config: unknown;
  thresholds: Array<{ type: 'usage_percentage' | 'usage' | 'balance'; value: string }>;
  metadata: Record<string, unknown>;
  /**
   * The subscription that provisions it (BILLING.md EN1): its dates follow the subscription's, and
   * `delete`/`override` are refused (`subscription_managed`); null for a manual entitlement.
   */
  subscriptionId: string | null;
  createdAt: Date;
  /** Soft delete: from this instant on, checks deny with `inactive`. */
  deletedAt: Date | null;
}

/** An allowance of usage on a metered entitlement, burnt down in priority order. */
export interface Grant {
  id: string;
  entitlementId: string;
  customerId: string;
  featureId: string;
  amount: string;
  priority: number;
  effectiveAt: Date;
  expiresAt: Date | null;
  voidedAt: Date | null;
  minRolloverAmount: string;
  /** null: the grant's amount. */
  maxRolloverAmount: string | null;
  recurrence: { interval: string; anchor: Date } | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

/** The answer of a check: may the customer use the feature, and how much is left (docs/semantics.md D9). */
export type EntitlementValue = CoreEntitlementValue & {
  /** The feature's key. */
  feature: string;
  currentUsagePeriod?: Period;
};

/** An entitlement as the facade returns it. */
export const toEntitlement = (record: EntitlementRecord): Entitlement => ({
  id: record.id,
  customerId: record.customerId,
  featureId: record.featureId,
  featureKey: record.featureKey,
  type: record.type,
  usagePeriod: record.usagePeriod && {
    interval: record.usagePeriod.interval,
    anchor: new Date(record.usagePeriod.anchor),
    ...(record.usagePeriod.timeZone === undefined ? {} : { timeZone: record.usagePeriod.timeZone }),
  },
  isSoftLimit: record.isSoftLimit,
  issueAfterReset: record.issueAfterReset && { ...record.issueAfterReset },
  preserveOverageAtReset: record.preserveOverageAtReset,
  measureUsageFrom: record.measureUsageFrom,
  activeFrom: record.activeFrom,
  activeTo: record.activeTo,
  config: record.config === null || record.config === undefined ? null : structuredClone(record.config),
  thresholds: record.thresholds.map((t) => ({ ...t })),
  metadata: structuredClone(record.metadata),
  subscriptionId: record.subscriptionId,
  createdAt: record.createdAt,
  deletedAt: record.deletedAt,
});

/** A grant as the facade returns it. */
export const toGrant = (record: GrantRecord): Grant => ({
  ...record,
  recurrence: record.recurrence && { ...record.recurrence },
  metadata: structuredClone(record.metadata),
});
