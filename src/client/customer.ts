import type { CustomerRecord } from '../storage';

/** A customer: who is billed, and which event subjects are theirs. */
export interface Customer {
  id: string;
  /** Your identifier, unique among customers (archived ones included). */
  key: string;
  name: string | null;
  /** The event subjects attributed to this customer. */
  subjectKeys: string[];
  currency: string | null;
  timezone: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  /** When the customer was archived; archived customers keep their key and subject keys. */
  archivedAt: Date | null;
}

export const toCustomer = (record: CustomerRecord): Customer => ({ ...record });
