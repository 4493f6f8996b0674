import { portableMigration } from './dialect-migration';

/**
 * Entitlements and grants: entitlements (at most one not deleted per customer and feature, by a
 * partial unique index), grants, manual resets, balance snapshots at usage-period starts, usage
 * checkpoints kept up to date by ingestion, the notification outbox and the notifications fired
 * once per usage period. Decimals are canonical decimal TEXT in both dialects (never REAL); flags
 * are INTEGER 0/1.
 */
export const entitlementsMigration = portableMigration('0004_entitlements', (t) => `
CREATE TABLE tg_entitlements (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  feature_key TEXT NOT NULL,
  type TEXT NOT NULL,
  usage_period_interval TEXT,
  usage_period_anchor ${t.millis},
  is_soft_limit INTEGER NOT NULL,
  issue_after_reset TEXT,
  preserve_overage_at_reset INTEGER NOT NULL,
  measure_usage_from ${t.millis},
  active_from ${t.millis},
  active_to ${t.millis},
  config TEXT,
  thresholds TEXT NOT NULL,
  metadata TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at ${t.millis} NOT NULL,
  deleted_at ${t.millis}
);
CREATE UNIQUE INDEX tg_entitlements__feature ON tg_entitlements (customer_id, feature_id) WHERE deleted_at IS NULL;
CREATE INDEX tg_entitlements_by_customer ON tg_entitlements (customer_id, feature_id, id);
CREATE INDEX tg_entitlements_by_feature ON tg_entitlements (feature_id, id);
CREATE TABLE tg_grants (
  id TEXT PRIMARY KEY,
  entitlement_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  amount TEXT NOT NULL,
  priority INTEGER NOT NULL,
  effective_at ${t.millis} NOT NULL,
  expires_at ${t.millis},
  voided_at ${t.millis},
  min_rollover_amount TEXT NOT NULL,
  max_rollover_amount TEXT,
  recurrence_interval TEXT,
  recurrence_anchor ${t.millis},
  metadata TEXT NOT NULL,
  created_at ${t.millis} NOT NULL
);
CREATE INDEX tg_grants_by_entitlement ON tg_grants (entitlement_id, id);
CREATE INDEX tg_grants_by_customer ON tg_grants (customer_id, id);
CREATE TABLE tg_entitlement_resets (
  id TEXT PRIMARY KEY,
  entitlement_id TEXT NOT NULL,
  at ${t.millis} NOT NULL,
  retain_anchor INTEGER NOT NULL,
  preserve_overage INTEGER NOT NULL,
  created_at ${t.millis} NOT NULL,
  CONSTRAINT tg_entitlement_resets__at UNIQUE (entitlement_id, at)
);
CREATE TABLE tg_balance_snapshots (
  entitlement_id TEXT NOT NULL,
  at ${t.millis} NOT NULL,
  fingerprint TEXT NOT NULL,
  balances TEXT NOT NULL,
  overage TEXT NOT NULL,
  PRIMARY KEY (entitlement_id, at)
);
CREATE TABLE tg_usage_checkpoints (
  entitlement_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  segment_start ${t.millis} NOT NULL,
  period_start ${t.millis} NOT NULL,
  balances TEXT NOT NULL,
  overage TEXT NOT NULL,
  usage TEXT NOT NULL,
  grant_usage TEXT NOT NULL,
  tail TEXT NOT NULL,
  tail_bound ${t.millis} NOT NULL,
  notify_at TEXT
);
CREATE TABLE tg_notifications (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at ${t.millis} NOT NULL,
  acked_at ${t.millis}
);
CREATE INDEX tg_notifications_pending ON tg_notifications (id) WHERE acked_at IS NULL;
CREATE TABLE tg_fired_notifications (
  entitlement_id TEXT NOT NULL,
  period_start ${t.millis} NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (entitlement_id, period_start, key)
);
`);
