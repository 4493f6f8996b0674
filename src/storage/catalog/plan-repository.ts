import type { PlanRecord } from './catalog-records';

/** Plan versions, inside a transaction. (key, version) is unique. */
export interface PlanRepository {
  /** Inserts a version; ConflictError (target `plan.version`) when (key, version) exists. */
  insert(plan: PlanRecord): Promise<void>;
  /** Replaces a stored version (matched by id). */
  update(plan: PlanRecord): Promise<void>;
  findById(id: string): Promise<PlanRecord | undefined>;
  /** Every version of the plan with this key, oldest first. */
  versions(key: string): Promise<PlanRecord[]>;
  /** Plan versions ordered by id, strictly after `afterId` when given. */
  list(options: { limit: number; afterId?: string; key?: string }): Promise<PlanRecord[]>;
}
