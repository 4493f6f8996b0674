import type { CatalogRepositories, RepositoryFactories } from '../../../src/storage';
import type { MemoryTransactionContext } from '../memory-database';
import { MemoryFeatureRepository } from './memory-feature-repository';
import { MemoryPlanRepository } from './memory-plan-repository';

/** The catalog domain's repositories of a memory transaction. */
export const memoryCatalogRepositories: RepositoryFactories<CatalogRepositories, MemoryTransactionContext> = {
  features: (c) => new MemoryFeatureRepository(c.db, c.journal),
  plans: (c) => new MemoryPlanRepository(c.db, c.journal),
};
