import { portableMigration } from './dialect-migration';

/**
 * Subscriptions: the subscription row (its dates, anchor, chain links, plan snapshot and edits as
 * JSON text, the write revision), its phases by position, and each phase's item versions by
 * position with the entitlement each provisions. Entitlements gain the subscription that manages
 * them, and lose the partial unique index that kept one not deleted per customer and feature: a
 * subscription change ends one entitlement and starts the next for the same feature at one
 * instant, so "no overlapping spans" is decided by the facade under the customer's lock.
 */
export const subscriptionsMigration = portableMigration('0006_subscriptions', (t) => `
CREATE TABLE tg_subscriptions (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  currency TEXT NOT NULL,
  plan_key TEXT,
  plan_version INTEGER,
  plan TEXT NOT NULL,
  customized INTEGER NOT NULL,
  billing_anchor ${t.millis} NOT NULL,
  starting_phase TEXT,
  time_zone TEXT NOT NULL,
  active_from ${t.millis} NOT NULL,
  active_to ${t.millis},
  cancel_proration TEXT,
  edits TEXT NOT NULL,
  previous_subscription_id TEXT,
  next_subscription_id TEXT,
  metadata TEXT NOT NULL,
  created_at ${t.millis} NOT NULL,
  updated_at ${t.millis} NOT NULL,
  deleted_at ${t.millis},
  revision INTEGER NOT NULL
);
CREATE INDEX tg_subscriptions_by_customer ON tg_subscriptions (customer_id, id);
CREATE TABLE tg_subscription_phases (
  subscription_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  key TEXT NOT NULL,
  name TEXT,
  from_at ${t.millis} NOT NULL,
  to_at ${t.millis},
  PRIMARY KEY (subscription_id, idx)
);
CREATE TABLE tg_subscription_items (
  subscription_id TEXT NOT NULL,
  phase_idx INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  rate_card TEXT NOT NULL,
  from_at ${t.millis} NOT NULL,
  to_at ${t.millis},
  entitlement_id TEXT,
  PRIMARY KEY (subscription_id, phase_idx, idx)
);
ALTER TABLE tg_entitlements ADD COLUMN subscription_id TEXT;
ALTER TABLE tg_entitlements ADD COLUMN usage_period_time_zone TEXT;
DROP INDEX tg_entitlements__feature;
`);
