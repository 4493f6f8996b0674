import { entitlementsFacadeSuite } from '../../support/entitlements-facade-suite';
import { databaseUrl, postgresTarget } from '../../support/postgres-target';

entitlementsFacadeSuite(databaseUrl ? 'postgres server' : 'PGlite', async () => {
  const target = await postgresTarget();
  return { storage: target.open(), ...(target.teardown && { teardown: target.teardown }) };
});
