import type { CustomerRepositories, RepositoryFactories } from '../../../src/storage';
import type { SqlTransactionContext } from '../sql-transaction-context';
import { SqlCustomerRepository } from './sql-customer-repository';

/** The customers domain's repositories of a SQL transaction. */
export const sqlCustomerRepositories: RepositoryFactories<CustomerRepositories, SqlTransactionContext> = {
  customers: (c) => new SqlCustomerRepository(c.sql, c.dialect),
};
