import { portableMigration } from './dialect-migration';

/** Features (key unique among active ones) and plan versions. */
export const catalogMigration = portableMigration('0003_catalog', (t) => `
CREATE TABLE tg_features (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  name TEXT,
  meter_key TEXT,
  meter_group_by_filters TEXT NOT NULL,
  metadata TEXT NOT NULL,
  created_at ${t.millis} NOT NULL,
  archived_at ${t.millis}
);
CREATE UNIQUE INDEX tg_features__key ON tg_features (key) WHERE archived_at IS NULL;
CREATE INDEX tg_features_by_key ON tg_features (key, archived_at);
CREATE TABLE tg_plans (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  currency TEXT NOT NULL,
  billing_cadence TEXT NOT NULL,
  pro_rating TEXT NOT NULL,
  phases TEXT NOT NULL,
  metadata TEXT NOT NULL,
  validation_errors TEXT NOT NULL,
  created_at ${t.millis} NOT NULL,
  updated_at ${t.millis} NOT NULL,
  published_at ${t.millis},
  effective_from ${t.millis},
  effective_to ${t.millis},
  CONSTRAINT tg_plans__version UNIQUE (key, version)
);
`);
