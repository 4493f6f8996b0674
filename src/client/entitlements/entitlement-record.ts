import { issueAfterResetGrant, usagePeriodAt, validateThresholds } from '../../core/entitlements';
import type { Aggregation } from '../../core/metering';
import { formatDecimal, parseDecimal } from '../../core/money';
import { ValidationError, type ValidationIssue } from '../../errors';
import type { EntitlementBodyInput } from '../../schema';
import type { entitlementBodySchema } from '../../schema';
import type { EntitlementRecord, FeatureRecord, GrantRecord, StorageTransaction } from '../../storage';
import type { z } from 'zod';

/** A parsed entitlement body (what `create` and `override` share). */
export type EntitlementBody = z.output<typeof entitlementBodySchema>;
export type { EntitlementBodyInput };

/** Aggregations a metered entitlement can burn down. */
const BURNABLE: readonly Aggregation[] = ['SUM', 'COUNT', 'LATEST'];

/** Problems of an entitlement that depend on its feature: a metered one needs a meter it can burn. */
export async function featureIssues(tx: StorageTransaction, body: EntitlementBody, feature: FeatureRecord): Promise<ValidationIssue[]> {
  if (body.type !== 'metered') return [];
  if (feature.meterKey === null) return [{ path: 'feature', code: 'not_metered', message: `Feature ${feature.key} has no meter: a metered entitlement needs one` }];
  const meter = await tx.meters.findByKey(feature.meterKey);
  if (meter === undefined) return [{ path: 'feature', code: 'unknown_meter', message: `Meter ${feature.meterKey} does not exist` }];
  if (!BURNABLE.includes(meter.aggregation)) {
    return [{ path: 'feature', code: 'unsupported_aggregation', message: `Meter ${meter.key} aggregates with ${meter.aggregation}; metered entitlements burn SUM, COUNT or LATEST` }];
  }
  return [];
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
    version: 1,
    createdAt: now,
    deletedAt: null,
  };
  const none = { usagePeriod: null, isSoftLimit: false, issueAfterReset: null, preserveOverageAtReset: false, measureUsageFrom: null, thresholds: [] };
  if (body.type === 'boolean') return { ...common, ...none, type: 'boolean', config: null };
  if (body.type === 'static') return { ...common, ...none, type: 'static', config: body.config };
  const thresholds = (body.thresholds ?? []).map((t) => ({ type: t.type, value: formatDecimal(parseDecimal(t.value, 'value')) }));
  validateThresholds(thresholds);
  const anchor = body.usagePeriod.anchor ?? now;
  return {
    ...common,
    type: 'metered',
    usagePeriod: { interval: body.usagePeriod.interval, anchor },
    isSoftLimit: body.isSoftLimit ?? false,
    issueAfterReset:
      body.issueAfterReset === undefined ? null : { amount: formatDecimal(parseDecimal(body.issueAfterReset.amount, 'issueAfterReset.amount')), priority: body.issueAfterReset.priority ?? 1 },
    preserveOverageAtReset: body.preserveOverageAtReset ?? false,
    measureUsageFrom: body.measureUsageFrom ?? usagePeriodAt(anchor, body.usagePeriod.interval, now).from,
    thresholds,
    config: null,
  };
}

/** The grant behind `issueAfterReset`: N from the start of the usage period of creation, min = max rollover = N. */
export function issueAfterResetRecord(id: string, e: EntitlementRecord, now: Date): GrantRecord | undefined {
  if (e.issueAfterReset === null || e.usagePeriod === null) return undefined;
  const start = usagePeriodAt(e.usagePeriod.anchor, e.usagePeriod.interval, now).from;
  const g = issueAfterResetGrant({ id, amount: e.issueAfterReset.amount, priority: e.issueAfterReset.priority, usagePeriodStart: start });
  return {
    id,
    entitlementId: e.id,
    customerId: e.customerId,
    featureId: e.featureId,
    amount: e.issueAfterReset.amount,
    priority: g.priority ?? 1,
    effectiveAt: start,
    expiresAt: null,
    voidedAt: null,
    minRolloverAmount: e.issueAfterReset.amount,
    maxRolloverAmount: e.issueAfterReset.amount,
    recurrence: null,
    metadata: { issueAfterReset: true },
    createdAt: now,
  };
}

/** Throws the issues as one ValidationError, if any. */
export function throwIssues(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
