import { storageConformance } from 'tollgate/testing';
import { databaseUrl, postgresTarget } from '../../support/postgres-target';

storageConformance(databaseUrl ? 'postgres (DATABASE_URL server)' : 'postgres (embedded PGlite)', postgresTarget, {
  multiProcess: databaseUrl !== undefined,
});
