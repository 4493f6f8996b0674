/**
 * Storage records: the plain shapes the storage port reads and writes. Instants are `Date`,
 * free-form data is plain JSON. Facade types are built from these.
 */

/** A customer as stored (and as `tg.customers` returns it). */
export interface CustomerRecord {
  id: string;
  /** Your identifier, unique among customers (archived ones included). */
  key: string;
  name: string | null;
  /** The event subjects attributed to this customer; a subject belongs to one customer at most. */
  subjectKeys: string[];
  currency: string | null;
  /** IANA time zone, for calendar alignment. */
  timezone: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  /** When the customer was archived; archived customers keep their key and subject keys. */
  archivedAt: Date | null;
}
