import type { CustomerRepositories, RepositoryFactories } from '../../../src/storage';
import type { MemoryTransactionContext } from '../memory-database';
import { MemoryCustomerRepository } from './memory-customer-repository';

/** The customers domain's repositories of a memory transaction. */
export const memoryCustomerRepositories: RepositoryFactories<CustomerRepositories, MemoryTransactionContext> = {
  customers: (c) => new MemoryCustomerRepository(c.db, c.journal),
};
