import type { Customer } from './customer';

/** The customer notifications by name (in-process, via `tg.on`). */
export interface CustomerEventMap {
  'customer.created': { customer: Customer };
  'customer.updated': { customer: Customer };
  'customer.archived': { customer: Customer };
}
