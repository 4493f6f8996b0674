/** Where a plan version stands at an instant (docs/semantics.md D12). */
export type PlanStatus = 'draft' | 'scheduled' | 'active' | 'archived';

/**
 * The status of a plan version at `at`: a draft until published; then scheduled before its
 * `effectiveFrom`, active in `[effectiveFrom, effectiveTo)`, archived from `effectiveTo` on.
 * @example
 * planStatus({ effectiveFrom: null, effectiveTo: null }, now); // 'draft'
 */
export function planStatus(version: { effectiveFrom: Date | null; effectiveTo: Date | null }, at: Date): PlanStatus {
  if (version.effectiveFrom === null) return 'draft';
  const t = at.getTime();
  if (version.effectiveTo !== null && t >= version.effectiveTo.getTime()) return 'archived';
  return t < version.effectiveFrom.getTime() ? 'scheduled' : 'active';
}
