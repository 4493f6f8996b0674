import { catalogFacadeSuite } from '../../support/catalog-facade-suite';
import { databaseUrl, postgresTarget } from '../../support/postgres-target';

catalogFacadeSuite(databaseUrl ? 'postgres server' : 'PGlite', async () => {
  const target = await postgresTarget();
  return { storage: target.open(), ...(target.teardown && { teardown: target.teardown }) };
});
