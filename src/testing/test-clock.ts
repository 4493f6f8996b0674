import type { Clock } from '../client/shared/clock';
import { addDuration, type Instant, toInstant } from '../core/time';

/**
 * A clock you move by hand, for tests.
 * @example
 * const clock = new TestClock('2024-01-01T00:00:00Z');
 * const tg = createTollgate({ clock });
 * clock.advance('P1D');          // calendar day, UTC
 * clock.advance('PT90M');        // exact 90 minutes
 * clock.set('2024-03-01T00:00:00Z');
 */
export class TestClock implements Clock {
  private current: number;

  /** Starts at `start` (default 2024-01-01T00:00:00Z). */
  constructor(start: Instant = '2024-01-01T00:00:00Z') {
    this.current = toInstant(start, 'start').getTime();
  }

  /** The clock's current instant (a new Date each call). */
  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock to `instant` (backwards too). */
  set(instant: Instant): this {
    this.current = toInstant(instant, 'instant').getTime();
    return this;
  }

  /** Moves the clock forward by an ISO-8601 duration (`P1D`, `PT1H`, `P1M`) or a number of ms. */
  advance(by: string | number, options: { timeZone?: string } = {}): this {
    this.current =
      typeof by === 'number' ? this.current + by : addDuration(new Date(this.current), by, options).getTime();
    return this;
  }
}
