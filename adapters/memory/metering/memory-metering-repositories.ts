import type { MeteringRepositories, RepositoryFactories } from '../../../src/storage';
import type { MemoryTransactionContext } from '../memory-database';
import { MemoryEventRepository } from './memory-event-repository';
import { MemoryMeterRepository } from './memory-meter-repository';
import { MemoryRollupRepository } from './memory-rollup-repository';

/** The metering domain's repositories of a memory transaction. */
export const memoryMeteringRepositories: RepositoryFactories<MeteringRepositories, MemoryTransactionContext> = {
  meters: (c) => new MemoryMeterRepository(c.db, c.journal),
  events: (c) => new MemoryEventRepository(c.db, c.journal),
  rollups: (c) => new MemoryRollupRepository(c.db, c.journal),
};
