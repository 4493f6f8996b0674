import type { CustomerRecord } from '../../storage';

/** A customer: who is billed, and which event subjects are theirs (see the fields' docs). */
export type Customer = CustomerRecord;

export const toCustomer = (record: CustomerRecord): Customer => ({ ...record });
