import type { MeteringRepositories, RepositoryFactories } from '../../../src/storage';
import type { SqlTransactionContext } from '../sql-transaction-context';
import { SqlEventRepository } from './sql-event-repository';
import { SqlMeterRepository } from './sql-meter-repository';
import { SqlRollupRepository } from './sql-rollup-repository';

/** The metering domain's repositories of a SQL transaction. */
export const sqlMeteringRepositories: RepositoryFactories<MeteringRepositories, SqlTransactionContext> = {
  meters: (c) => new SqlMeterRepository(c.sql, c.dialect, c.unfeatured),
  events: (c) => new SqlEventRepository(c.sql, c.dialect),
  rollups: (c) => new SqlRollupRepository(c.sql, c.dialect),
};
