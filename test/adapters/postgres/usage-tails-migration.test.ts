import { postgresMigrationHarness } from '../../support/migration-harnesses';
import { databaseUrl } from '../../support/postgres-target';
import { usageTailsMigrationSuite } from '../../support/usage-tails-migration-suite';

usageTailsMigrationSuite(databaseUrl ? 'postgres (DATABASE_URL server)' : 'postgres (PGlite)', () => postgresMigrationHarness('tg_test_tails'));
