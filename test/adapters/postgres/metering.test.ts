import { meteringFacadeSuite } from '../../support/metering-facade-suite';
import { databaseUrl, postgresTarget } from '../../support/postgres-target';

meteringFacadeSuite(databaseUrl ? 'postgres server' : 'PGlite', async () => {
  const target = await postgresTarget();
  return { storage: target.open(), ...(target.teardown && { teardown: target.teardown }) };
});
