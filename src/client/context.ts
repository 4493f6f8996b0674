import type { CurrencyRegistry, RoundingMode } from '../core/money';
import { StateError } from '../errors';
import type { Storage, StorageTransaction } from '../storage';
import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { Notifier } from './notifications';

/** What every service of one client shares. */
export class ServiceContext {
  private closed = false;

  constructor(
    readonly storage: Storage,
    readonly clock: Clock,
    readonly ids: IdGenerator,
    readonly notifier: Notifier,
    readonly currencies: CurrencyRegistry,
    readonly rounding: RoundingMode,
  ) {}

  /** Runs one unit of work on the storage, refusing once the client is closed. */
  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.storage.transaction(fn);
  }

  assertOpen(): void {
    if (this.closed) throw new StateError('This Tollgate client is closed', 'closed');
  }

  markClosed(): boolean {
    const wasOpen = !this.closed;
    this.closed = true;
    return wasOpen;
  }
}
