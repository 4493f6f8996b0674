import type { DialectMigration } from './dialect-migration';

/**
 * Metering: meters, events (unique by source and id forever) and pre-aggregated rollups.
 *
 * Rollups hold one row per (meter, subject, UTC hour, group values): a query for some subjects
 * reads one contiguous key range per subject, whatever else the meter holds; an index by
 * (meter, hour) serves queries over every subject. Decimals are TEXT in SQLite (merged exactly by the
 * adapter's `tg_decimal_*` functions; SQLite has no exact decimal type) — except `sum`, which has no
 * affinity so a safe integer stays an INTEGER and merges by plain SQL addition — and NUMERIC in Postgres,
 * where the rollups table leaves room on its pages (fillfactor 70) so merges are HOT updates.
 */
export const meteringMigration: DialectMigration = {
  id: '0002_metering',
  sqlite: `
CREATE TABLE tg_meters (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL CONSTRAINT tg_meters__key UNIQUE,
  name TEXT,
  event_type TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  value_property TEXT,
  group_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  archived_at INTEGER
);
CREATE INDEX tg_meters_by_event_type ON tg_meters (event_type);
CREATE TABLE tg_events (
  seq INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  time INTEGER NOT NULL,
  data TEXT,
  ingested_at INTEGER NOT NULL,
  CONSTRAINT tg_events__source_id UNIQUE (source, id)
);
CREATE INDEX tg_events_by_type_subject_time ON tg_events (type, subject, time);
CREATE INDEX tg_events_by_time ON tg_events (time);
CREATE TABLE tg_meter_rollups (
  meter_id TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  subject TEXT NOT NULL,
  group_key TEXT NOT NULL,
  count INTEGER NOT NULL,
  sum,
  min TEXT,
  max TEXT,
  latest_time INTEGER,
  latest_seq INTEGER,
  latest_value TEXT,
  PRIMARY KEY (meter_id, subject, bucket, group_key)
) WITHOUT ROWID;
CREATE INDEX tg_meter_rollups_by_bucket ON tg_meter_rollups (meter_id, bucket);
CREATE TABLE tg_meter_distinct_values (
  meter_id TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  subject TEXT NOT NULL,
  group_key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (meter_id, subject, bucket, group_key, value)
) WITHOUT ROWID;
CREATE INDEX tg_meter_distinct_values_by_bucket ON tg_meter_distinct_values (meter_id, bucket);
`,
  postgres: `
CREATE TABLE tg_meters (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL CONSTRAINT tg_meters__key UNIQUE,
  name TEXT,
  event_type TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  value_property TEXT,
  group_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX tg_meters_by_event_type ON tg_meters (event_type);
CREATE TABLE tg_events (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  time BIGINT NOT NULL,
  data TEXT,
  ingested_at BIGINT NOT NULL,
  CONSTRAINT tg_events__source_id UNIQUE (source, id)
);
CREATE INDEX tg_events_by_type_subject_time ON tg_events (type, subject, time);
CREATE INDEX tg_events_by_time ON tg_events (time, seq);
CREATE TABLE tg_meter_rollups (
  meter_id TEXT NOT NULL,
  bucket BIGINT NOT NULL,
  subject TEXT NOT NULL,
  group_key TEXT NOT NULL,
  count BIGINT NOT NULL,
  sum NUMERIC,
  min NUMERIC,
  max NUMERIC,
  latest_time BIGINT,
  latest_seq BIGINT,
  latest_value NUMERIC,
  PRIMARY KEY (meter_id, subject, bucket, group_key)
) WITH (fillfactor = 70);
CREATE INDEX tg_meter_rollups_by_bucket ON tg_meter_rollups (meter_id, bucket);
CREATE TABLE tg_meter_distinct_values (
  meter_id TEXT NOT NULL,
  bucket BIGINT NOT NULL,
  subject TEXT NOT NULL,
  group_key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (meter_id, subject, bucket, group_key, value)
);
CREATE INDEX tg_meter_distinct_values_by_bucket ON tg_meter_distinct_values (meter_id, bucket);
`,
};
