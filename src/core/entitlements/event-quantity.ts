import { ExactSum, formatExact, rollupEvents, type CompiledMeter, type MeteredEvent } from '../metering';
import type { GroupFilter } from './group-filter';

/** An event as far as its quantity goes: its type and what the meter reads. */
export interface QuantityEvent extends MeteredEvent {
  type: string;
}

/**
 * The quantity one event adds to a feature's usage through the feature's meter: COUNT → 1, SUM →
 * the value the meter reads (negative for a refund), `"0"` for an event the meter ignores (another
 * event type, a value it cannot read) or whose group values the feature's group-by filters
 * (`accepts`) leave out. A canonical decimal string. For the additive aggregations only (`consume`
 * refuses the others before asking).
 * @example
 * eventQuantity(sumOfTokens, { type: 'llm', subject: 'acme', timeMs: 0, seq: 0, data: { tokens: 812 } }, () => true); // '812'
 * eventQuantity(countOfCalls, { type: 'call', subject: 'acme', timeMs: 0, seq: 0, data: null }, () => true); // '1'
 */
export function eventQuantity(meter: CompiledMeter, event: QuantityEvent, accepts: GroupFilter): string {
  if (event.type !== meter.eventType) return '0';
  const count = meter.aggregation === 'COUNT';
  const sum = new ExactSum();
  for (const cell of rollupEvents(meter, [event]).cells) {
    const value = count ? cell.count : cell.sum;
    if (value !== null && accepts(cell.groupKey)) sum.add(value);
  }
  return formatExact(sum.value());
}
