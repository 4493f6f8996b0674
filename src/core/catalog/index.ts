export { planStatus, type PlanStatus } from './plan-status';
export { validatePlan, type FeatureFacts, type PlanContent } from './validate-plan';
export { canonicalizeNumerics } from './numeric-fields';
