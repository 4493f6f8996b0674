/** The dates that place a plan version in time (null `effectiveFrom`: a draft). */
export interface PlanVersionDates {
  readonly version: number;
  readonly effectiveFrom: Date | null;
  readonly effectiveTo: Date | null;
}

/** True once a version was published (drafts have no `effectiveFrom`). */
export const isPublished = (v: PlanVersionDates): boolean => v.effectiveFrom !== null;

/** True for a published version whose end is after its start (one archived before it started never is). */
export const isEverInEffect = (v: PlanVersionDates): boolean =>
  v.effectiveFrom !== null && (v.effectiveTo === null || v.effectiveTo.getTime() > v.effectiveFrom.getTime());
