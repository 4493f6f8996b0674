import type { FeatureRepository } from './feature-repository';
import type { PlanRepository } from './plan-repository';

/** The catalog domain's repositories inside one transaction: features and plan versions. */
export interface CatalogRepositories {
  readonly features: FeatureRepository;
  readonly plans: PlanRepository;
}
