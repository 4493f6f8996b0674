import { EventEmitter } from 'eventemitter3';
import type { CustomerEventMap } from '../customers/customer-events';
import type { MeterEventMap } from '../metering/meter-events';
import type { EntitlementEventMap } from '../entitlements/entitlement-events';
import type { SubscriptionEventMap } from '../subscriptions/subscription-events';

/**
 * Every notification Tollgate emits in-process, by name, with its payload: composed from each
 * domain's own map (the producer of a notification owns its payload type).
 */
export interface TollgateEventMap extends CustomerEventMap, MeterEventMap, EntitlementEventMap, SubscriptionEventMap {
  /** A listener threw; the operation that emitted had already committed. */
  'listener.error': { event: string; error: unknown };
}

/** The name of a Tollgate notification. */
export type TollgateEventName = keyof TollgateEventMap;

type Listeners = { [K in TollgateEventName]: (payload: TollgateEventMap[K]) => void };

/**
 * The in-process notification bus. Listeners run after the change committed; a listener that
 * throws never fails the operation: its error goes to `listener.error` listeners, or becomes a
 * process warning when there are none.
 */
export class Notifier {
  private readonly emitter = new EventEmitter<Listeners>();

  on<K extends TollgateEventName>(event: K, handler: (payload: TollgateEventMap[K]) => void): () => void {
    this.emitter.on(event, handler as never);
    return () => this.emitter.off(event, handler as never);
  }

  emit<K extends TollgateEventName>(event: K, payload: TollgateEventMap[K]): void {
    for (const listener of this.emitter.listeners(event)) {
      try {
        (listener as (p: TollgateEventMap[K]) => void)(payload);
      } catch (error) {
        this.reportListenerError(event, error);
      }
    }
  }

  private reportListenerError(event: string, error: unknown): void {
    if (event !== 'listener.error' && this.emitter.listenerCount('listener.error') > 0) {
      this.emit('listener.error', { event, error });
    } else {
      process.emitWarning(`A Tollgate "${event}" listener threw: ${String(error)}`, 'TollgateListenerWarning');
    }
  }
}
