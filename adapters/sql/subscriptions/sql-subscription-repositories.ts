import type { RepositoryFactories, SubscriptionRepositories } from '../../../src/storage';
import type { SqlTransactionContext } from '../sql-transaction-context';
import { SqlSubscriptionRepository } from './sql-subscription-repository';

/** The subscriptions domain's repositories of a SQL transaction. */
export const sqlSubscriptionRepositories: RepositoryFactories<SubscriptionRepositories, SqlTransactionContext> = {
  subscriptions: (c) => new SqlSubscriptionRepository(c.sql, c.dialect),
};
