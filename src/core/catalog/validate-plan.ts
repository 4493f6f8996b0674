import { cadencesAlign } from './cadence-align';
import type { ValidationIssue } from '../../errors';
import { rateCardSchema } from '../../schema/rate-card';
import { toValidationIssues } from '../../schema/validate';
import { parseInterval } from '../time';
import { isRecord } from '../is-record';

/** What plan validation needs to know about a feature. */
export interface FeatureFacts {
  /** The feature's meter, or null when it is not metered. */
  meterKey: string | null;
  archived: boolean;
}

/** A plan's content as validated: phases of rate cards (rate cards still unchecked JSON). */
export interface PlanContent {
  billingCadence: string;
  phases: ReadonlyArray<{ key: string; duration?: string | null | undefined; rateCards: readonly unknown[] }>;
}

/**
 * Every problem that keeps a plan from being published, at once (docs/semantics.md D12): invalid rate
 * cards and prices, duplicate phase or rate card keys, unknown or archived features, usage-based
 * rate cards whose feature is not metered, entitlement templates that do not fit their feature,
 * a non-last phase without a duration, a last phase with one.
 * @example
 * validatePlan(plan, new Map([['api_calls', { meterKey: 'requests', archived: false }]]));
 */
export function validatePlan(plan: PlanContent, features: ReadonlyMap<string, FeatureFacts>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (plan.phases.length === 0) issues.push({ path: 'phases', code: 'too_small', message: 'A plan needs at least one phase' });
  issues.push(...duplicateKeys(plan.phases.map((p) => p.key), (i) => `phases[${i}].key`, 'phase'));
  plan.phases.forEach((phase, i) => {
    issues.push(...phaseDurationIssues(phase.duration, i, i === plan.phases.length - 1));
    const cardKeys = phase.rateCards.map((card) => (isRecord(card) && typeof card.key === 'string' ? card.key : undefined));
    issues.push(...duplicateKeys(cardKeys, (j) => `phases[${i}].rateCards[${j}].key`, 'rate card'));
    phase.rateCards.forEach((card, j) => {
      const path = `phases[${i}].rateCards[${j}]`;
      const cardIssues = rateCardIssues(card, path, features);
      issues.push(...(cardIssues.length > 0 ? cardIssues : cadenceIssues(plan.billingCadence, card, path)));
    });
  });
  return issues;
}

function phaseDurationIssues(duration: string | null | undefined, index: number, isLast: boolean): ValidationIssue[] {
  const path = `phases[${index}].duration`;
  if (duration === null || duration === undefined) {
    return isLast ? [] : [{ path, code: 'missing_duration', message: 'Only the last phase may be open-ended: give this phase a duration' }];
  }
  if (isLast) return [{ path, code: 'last_phase_has_duration', message: 'The last phase is open-ended: remove its duration' }];
  try {
    parseInterval(duration, path);
    return [];
  } catch (error) {
    return (error as { issues?: ValidationIssue[] }).issues ?? [];
  }
}

function rateCardIssues(card: unknown, path: string, features: ReadonlyMap<string, FeatureFacts>): ValidationIssue[] {
  const parsed = rateCardSchema.safeParse(card);
  if (!parsed.success) return toValidationIssues(parsed.error.issues, path);
  const rateCard = parsed.data;
  const featureKey = rateCard.feature;
  const template = rateCard.entitlementTemplate;
  if (featureKey === undefined) {
    return template ? [{ path: `${path}.feature`, code: 'missing_feature', message: 'An entitlement template needs a feature' }] : [];
  }
  const feature = features.get(featureKey);
  if (!feature) return [{ path: `${path}.feature`, code: 'unknown_feature', message: `No feature with key ${featureKey}` }];
  if (feature.archived) return [{ path: `${path}.feature`, code: 'feature_archived', message: `Feature ${featureKey} is archived` }];
  const metered = feature.meterKey !== null;
  if (rateCard.type === 'usage_based' && !metered) {
    return [{ path: `${path}.feature`, code: 'feature_not_metered', message: `A usage-based rate card needs a metered feature; ${featureKey} has no meter` }];
  }
  if (template?.type === 'metered' && !metered) {
    return [{ path: `${path}.entitlementTemplate.type`, code: 'feature_not_metered', message: `A metered entitlement needs a metered feature; ${featureKey} has no meter` }];
  }
  return [];
}

/** SB15: a rate card's non-null cadence aligns with the plan's ({@link cadencesAlign}); a bad plan cadence is the schema's issue. */
function cadenceIssues(planCadence: string, card: unknown, path: string): ValidationIssue[] {
  const cadence = (card as { billingCadence?: string | null }).billingCadence;
  if (cadence === null || cadence === undefined) return [];
  let aligned: boolean;
  try {
    aligned = cadencesAlign(planCadence, cadence);
  } catch {
    return [];
  }
  if (aligned) return [];
  return [
    {
      path: `${path}.billingCadence`,
      code: 'cadence_unaligned',
      message: `Cadence ${cadence} does not align with the plan's ${planCadence}: one must divide the other for every month and day length`,
    },
  ];
}

function duplicateKeys(keys: ReadonlyArray<string | undefined>, pathOf: (index: number) => string, what: string): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  keys.forEach((key, index) => {
    if (key === undefined) return;
    if (seen.has(key)) issues.push({ path: pathOf(index), code: 'duplicate_key', message: `Duplicate ${what} key ${key}` });
    seen.add(key);
  });
  return issues;
}

