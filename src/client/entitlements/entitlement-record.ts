import { issueAfterResetTermsAt, meteredFeatureIssues, meteredTermsOf } from '../../core/entitlements';
import { ValidationError, type ValidationIssue } from '../../errors';
import type { EntitlementBodyInput } from '../../schema';
import type { entitlementBodySchema } from '../../schema';
import type { EntitlementRecord, FeatureRecord, GrantRecord, StorageTransaction } from '../../storage';
import type { z } from 'zod';

/** A parsed entitlement body (what `create` and `override` share). */
export type EntitlementBody = z.output<typeof entitlementBodySchema>;
export type { EntitlementBodyInput };

/** Problems of an entitlement that depend on its feature: a metered one needs a meter it can burn. */
export async function featureIssues(tx: StorageTransaction, body: EntitlementBody, feature: FeatureRecord): Promise<ValidationIssue[]> {
  if (body.type !== 'metered') return [];
  const meter = feature.meterKey === null ? undefined : await tx.meters.findByKey(feature.meterKey);
  return meteredFeatureIssues({ featureKey: feature.key, meterKey: feature.meterKey, meter });
}

/** The stored record of a new entitlement (validated body, resolved customer and feature). */
export function entitlementRecordOf(id: string, customerId: string, feature: FeatureRecord, body: EntitlementBody, now: Date): EntitlementRecord {
  const common = {
    id,
    customerId,
    featureId: feature.id,
    featureKey: feature.key,
    activeFrom: body.activeFrom ?? null,
    activeTo: body.activeTo ?? null,
    metadata: body.metadata ?? {},
    subscriptionId: null,
    version: 1,
    createdAt: now,
    deletedAt: null,
  };
  const none = { usagePeriod: null, isSoftLimit: false, issueAfterReset: null, preserveOverageAtReset: false, measureUsageFrom: null, thresholds: [] };
  if (body.type === 'boolean') return { ...common, ...none, type: 'boolean', config: null };
  if (body.type === 'static') return { ...common, ...none, type: 'static', config: body.config };
  return { ...common, ...meteredTermsOf(body, now), type: 'metered', config: null };
}

/** The grant behind `issueAfterReset`, as stored (see `issueAfterResetTermsAt`). */
export function issueAfterResetRecord(id: string, e: EntitlementRecord, now: Date): GrantRecord | undefined {
  const terms = issueAfterResetTermsAt(e, now);
  if (terms === undefined) return undefined;
  return {
    ...terms,
    id,
    entitlementId: e.id,
    customerId: e.customerId,
    featureId: e.featureId,
    expiresAt: null,
    voidedAt: null,
    recurrence: null,
    metadata: { issueAfterReset: true },
    createdAt: now,
  };
}

/** Throws the issues as one ValidationError, if any. */
export function throwIssues(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
