import type { PlanStatus } from '../../core/catalog';
import type { ValidationIssue } from '../../errors';
import type { RateCard } from '../../schema/rate-card';
import type { PlanRecord } from '../../storage';

/** A phase of a plan: its rate cards apply for `duration` (the last phase is open-ended). */
export interface PlanPhase {
  key: string;
  name?: string;
  duration?: string | null;
  rateCards: RateCard[];
}

/** One version of a plan. */
export interface Plan {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string | null;
  currency: string;
  billingCadence: string;
  proRating: { enabled: boolean; mode: 'exact' | 'day' };
  phases: PlanPhase[];
  metadata: Record<string, unknown>;
  /** Computed from the effective dates at the time of the call. */
  status: PlanStatus;
  /** What keeps this draft from being published; empty when it can be. */
  validationErrors: ValidationIssue[];
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
}

export const toPlan = (record: PlanRecord, status: PlanStatus): Plan => ({
  ...record,
  phases: record.phases as PlanPhase[],
  status,
});
