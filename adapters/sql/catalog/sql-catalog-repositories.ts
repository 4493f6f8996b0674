import type { CatalogRepositories, RepositoryFactories } from '../../../src/storage';
import type { SqlTransactionContext } from '../sql-transaction-context';
import { SqlFeatureRepository } from './sql-feature-repository';
import { SqlPlanRepository } from './sql-plan-repository';

/** The catalog domain's repositories of a SQL transaction. */
export const sqlCatalogRepositories: RepositoryFactories<CatalogRepositories, SqlTransactionContext> = {
  features: (c) => new SqlFeatureRepository(c.sql, c.dialect, c.unfeatured),
  plans: (c) => new SqlPlanRepository(c.sql, c.dialect),
};
