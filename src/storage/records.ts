/**
 * Storage records: the plain shapes the storage port reads and writes. Instants are `Date`,
 * free-form data is plain JSON. Facade types are built from these.
 */

/** A customer as stored. */
export interface CustomerRecord {
  id: string;
  key: string;
  name: string | null;
  subjectKeys: string[];
  currency: string | null;
  timezone: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}
