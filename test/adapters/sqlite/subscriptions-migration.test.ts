import { sqliteMigrationHarness } from '../../support/migration-harnesses';
import { subscriptionsMigrationSuite } from '../../support/subscriptions-migration-suite';

subscriptionsMigrationSuite('sqlite', sqliteMigrationHarness);
