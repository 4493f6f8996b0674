import { customersFacadeSuite } from '../../support/customers-facade-suite';
import { databaseUrl, postgresTarget } from '../../support/postgres-target';

customersFacadeSuite(databaseUrl ? 'postgres server' : 'PGlite', async () => {
  const target = await postgresTarget();
  return { storage: target.open(), ...(target.teardown && { teardown: target.teardown }) };
});
