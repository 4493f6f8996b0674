import { portableMigration } from './dialect-migration';

/** Customers and the subject keys they own. */
export const customersMigration = portableMigration('0001_customers', (t) => `
CREATE TABLE tg_customers (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL CONSTRAINT tg_customers__key UNIQUE,
  name TEXT,
  currency TEXT,
  timezone TEXT,
  metadata TEXT NOT NULL,
  created_at ${t.millis} NOT NULL,
  updated_at ${t.millis} NOT NULL,
  archived_at ${t.millis}
);
CREATE TABLE tg_customer_subjects (
  subject_key TEXT NOT NULL CONSTRAINT tg_customer_subjects__subject_key PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES tg_customers (id),
  position INTEGER NOT NULL
);
CREATE INDEX tg_customer_subjects_by_customer ON tg_customer_subjects (customer_id, position);
`);
