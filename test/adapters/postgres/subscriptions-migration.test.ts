import { postgresMigrationHarness } from '../../support/migration-harnesses';
import { databaseUrl } from '../../support/postgres-target';
import { subscriptionsMigrationSuite } from '../../support/subscriptions-migration-suite';

subscriptionsMigrationSuite(databaseUrl ? 'postgres (DATABASE_URL server)' : 'postgres (PGlite)', () => postgresMigrationHarness('tg_test_subs'));
