import type { CustomerRepository } from './customer-repository';

/** The customers domain's repositories inside one transaction. */
export interface CustomerRepositories {
  readonly customers: CustomerRepository;
}
