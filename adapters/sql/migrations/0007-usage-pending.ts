import { portableMigration } from './dialect-migration';

/**
 * Future-stamped usage kept out of a checkpoint's tail: `pending_from` is the earliest instant of an
 * event stamped after the ingest's now that the tail leaves out (NULL: none), so a check before it
 * still reads the checkpoint, and one at or after it rebuilds.
 */
export const usagePendingMigration = portableMigration('0007_usage_pending', (t) => `
ALTER TABLE tg_usage_tails ADD COLUMN pending_from ${t.millis};
`);
