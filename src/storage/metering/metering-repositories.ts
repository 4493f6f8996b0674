import type { EventRepository } from './event-repository';
import type { MeterRepository } from './meter-repository';
import type { RollupRepository } from './rollup-repository';

/** The metering domain's repositories inside one transaction: meters, the events they read, their rollups. */
export interface MeteringRepositories {
  readonly meters: MeterRepository;
  readonly events: EventRepository;
  readonly rollups: RollupRepository;
}
