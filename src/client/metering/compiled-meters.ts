import { type CompiledMeter, compileMeter } from '../../core/metering';
import type { MeterRecord } from '../../storage';

/** Most compiled meters one client keeps before starting over. */
const LIMIT = 10_000;

/**
 * Compiled meters by id. A meter never changes what it counts (event type, aggregation, value
 * property and dimensions are fixed at creation), so each is compiled once per client.
 */
export class CompiledMeters {
  private readonly byId = new Map<string, CompiledMeter>();

  /** The compiled form of a stored meter. */
  get(record: MeterRecord): CompiledMeter {
    let meter = this.byId.get(record.id);
    if (meter === undefined) {
      meter = compileMeter(record);
      if (this.byId.size >= LIMIT) this.byId.clear();
      this.byId.set(record.id, meter);
    }
    return meter;
  }
}
