import type { Migration } from '../../src/storage';

/**
 * Plain SQL per dialect. Column types differ only where the engines do: instants are integer
 * milliseconds (INTEGER in SQLite, BIGINT in Postgres); JSON is stored as text. Unique constraints
 * are named `table__column` so both dialects report the same conflict target.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_customers',
    sql: `
CREATE TABLE tg_customers (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL CONSTRAINT tg_customers__key UNIQUE,
  name TEXT,
  currency TEXT,
  timezone TEXT,
  metadata TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived_at INTEGER
);
CREATE TABLE tg_customer_subjects (
  subject_key TEXT NOT NULL CONSTRAINT tg_customer_subjects__subject_key PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES tg_customers (id),
  position INTEGER NOT NULL
);
CREATE INDEX tg_customer_subjects_by_customer ON tg_customer_subjects (customer_id, position);
`,
  },
];

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_customers',
    sql: `
CREATE TABLE tg_customers (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL CONSTRAINT tg_customers__key UNIQUE,
  name TEXT,
  currency TEXT,
  timezone TEXT,
  metadata TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE TABLE tg_customer_subjects (
  subject_key TEXT NOT NULL CONSTRAINT tg_customer_subjects__subject_key PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES tg_customers (id),
  position INTEGER NOT NULL
);
CREATE INDEX tg_customer_subjects_by_customer ON tg_customer_subjects (customer_id, position);
`,
  },
];
