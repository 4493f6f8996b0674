import type { RepositoryFactories, SubscriptionRepositories } from '../../../src/storage';
import type { MemoryTransactionContext } from '../memory-database';
import { MemorySubscriptionRepository } from './memory-subscription-repository';

/** The subscriptions domain's repositories of a memory transaction. */
export const memorySubscriptionRepositories: RepositoryFactories<SubscriptionRepositories, MemoryTransactionContext> = {
  subscriptions: (c) => new MemorySubscriptionRepository(c.db, c.journal),
};
