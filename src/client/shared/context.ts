import type { CurrencyRegistry, RoundingMode } from '../../core/money';
import type { ValidationIssue } from '../../errors';
import { clientStateError } from './errors';
import { currencyCodeSchema } from '../../schema';
import type { Storage, StorageTransaction } from '../../storage';
import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import type { Notifier } from '../notifications/notifier';

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

  /**
   * The issue for an input whose `currency` is well formed (the schema checks the form) but not
   * known to this client; none otherwise.
   */
  currencyIssues(raw: unknown): ValidationIssue[] {
    const currency = (raw as { currency?: unknown } | null)?.currency;
    if (typeof currency !== 'string' || !currencyCodeSchema.safeParse(currency).success || this.currencies.has(currency)) return [];
    return [{ path: 'currency', code: 'unknown_currency', message: `Unknown currency ${currency}: register it with createTollgate({ currencies })` }];
  }

  assertOpen(): void {
    if (this.closed) throw clientStateError('This Tollgate client is closed', 'closed');
  }

  markClosed(): boolean {
    const wasOpen = !this.closed;
    this.closed = true;
    return wasOpen;
  }
}
