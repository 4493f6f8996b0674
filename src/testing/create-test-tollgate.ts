import { memoryStorage } from '../../adapters/memory';
import { createTollgate, type Tollgate, type TollgateOptions } from '../client';
import { TestClock } from './test-clock';

/** A migrated client on fresh in-memory storage with a {@link TestClock}. */
export interface TestTollgate extends Tollgate {
  readonly clock: TestClock;
}

/**
 * A Tollgate for unit tests: in-memory storage, already migrated, and a TestClock at
 * 2024-01-01T00:00:00Z (or `start`).
 * @example
 * const tg = await createTestTollgate();
 * await tg.customers.create({ key: 'acme' });
 * tg.clock.advance('P1M');
 */
export async function createTestTollgate(
  options: Omit<TollgateOptions, 'clock'> & { start?: Date | string } = {},
): Promise<TestTollgate> {
  const { start, ...rest } = options;
  const clock = new TestClock(start);
  const tg = createTollgate({ storage: memoryStorage(), ...rest, clock });
  await tg.migrate();
  return Object.assign(tg, { clock });
}
