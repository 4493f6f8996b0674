import { databaseUrl, postgresTarget } from '../../support/postgres-target';
import { subscriptionsFacadeSuite } from '../../support/subscriptions-facade-suite';

subscriptionsFacadeSuite(databaseUrl ? 'postgres server' : 'PGlite', async () => {
  const target = await postgresTarget();
  return { storage: target.open(), ...(target.teardown && { teardown: target.teardown }) };
});
