import { sqliteMigrationHarness } from '../../support/migration-harnesses';
import { usageTailsMigrationSuite } from '../../support/usage-tails-migration-suite';

usageTailsMigrationSuite('sqlite', sqliteMigrationHarness);
