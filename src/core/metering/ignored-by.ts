import type { CompiledMeter } from './meter-definition';

/** A meter that does not count an event, and why. */
export interface IgnoredBy {
  /** The meter's key. */
  meter: string;
  /** Why, e.g. `$.tokens is missing`. */
  reason: string;
}

/**
 * The meters (of the event's type) that ignore an event because they cannot read its value.
 * @example
 * ignoredBy([tokensMeter], { type: 'llm', data: { tokens: 'lots' } });
 * // [{ meter: 'tokens', reason: '$.tokens is the string "lots", not a number or decimal string' }]
 */
export function ignoredBy(meters: readonly CompiledMeter[], event: { type: string; data: Record<string, unknown> | null }): IgnoredBy[] {
  const out: IgnoredBy[] = [];
  for (const meter of meters) {
    if (meter.eventType !== event.type) continue;
    const reading = meter.read(event.data);
    if (!reading.counted) out.push({ meter: meter.key, reason: reading.reason });
  }
  return out;
}
