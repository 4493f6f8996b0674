import { z } from 'zod';
import { memoryStorage } from '../../adapters/memory';
import { CurrencyRegistry, type RoundingMode } from '../core/money';
import { parseInput } from '../schema';
import type { MigrationReport, Storage } from '../storage';
import { type Clock, systemClock } from './shared/clock';
import { ServiceContext } from './shared/context';
import { CustomersService } from './customers/customers-service';
import { EventsService } from './metering/events-service';
import { MetersService } from './metering/meters-service';
import { FeaturesService } from './catalog/features-service';
import { PlansService } from './catalog/plans-service';
import { createIdGenerator } from './shared/ids';
import { Notifier, type TollgateEventMap, type TollgateEventName } from './notifications/notifier';
import { EntitlementEvaluator } from './entitlements/entitlement-evaluator';
import { EntitlementNotifier } from './entitlements/entitlement-notifier';
import { EntitlementConsumer } from './entitlements/entitlement-consumer';
import { EntitlementsService } from './entitlements/entitlements-service';
import { GrantsService } from './entitlements/grants-service';
import { NotificationsService } from './notifications/notifications-service';
import { UsageTracker } from './entitlements/usage-tracker';
import { SubscriptionEntitlements } from './subscriptions/subscription-entitlements';
import { SubscriptionsService } from './subscriptions/subscriptions-service';

/** Options of {@link createTollgate}. */
export interface TollgateOptions {
  /** Where state lives. Default: a new in-memory store. */
  storage?: Storage;
  /** Where "now" comes from. Default: the system clock. Use `TestClock` in tests. */
  clock?: Clock;
  /** Custom currencies (credits, tokens) with their precision, e.g. `{ CREDITS: { precision: 4 } }`. */
  currencies?: Record<string, { precision: number }>;
  /** How amounts are rounded to minor units: `half_up` (half away from zero, default) or `half_even`. */
  rounding?: RoundingMode;
}

const optionsSchema = z.strictObject({
  storage: z
    .custom<Storage>((s) => typeof s === 'object' && s !== null && typeof (s as Storage).transaction === 'function', {
      message: 'Must be a storage adapter (memoryStorage(), sqliteStorage(...), postgresStorage(...))',
    })
    .optional(),
  clock: z
    .custom<Clock>((c) => typeof c === 'object' && c !== null && typeof (c as Clock).now === 'function', {
      message: 'Must have a now() method returning a Date',
    })
    .optional(),
  currencies: z.record(z.string(), z.strictObject({ precision: z.number() })).optional(),
  rounding: z.enum(['half_up', 'half_even']).optional(),
});

/** A Tollgate client: one per storage, shared by the whole app. */
export interface Tollgate {
  /** Customers: who is billed and which event subjects are theirs. */
  readonly customers: CustomersService;
  /** Meters: how usage events aggregate, and windowed usage queries. */
  readonly meters: MetersService;
  /** Usage events: idempotent ingestion and inspection. */
  readonly events: EventsService;
  /** Features: what plans sell and entitlements grant, optionally metered. */
  readonly features: FeaturesService;
  /** Plans: versioned phases of rate cards (drafts, publish, archive). */
  readonly plans: PlansService;
  /** Entitlements: may a customer use a feature now, and how much is left. */
  readonly entitlements: EntitlementsService;
  /** Grants: allowances of usage on metered entitlements. */
  readonly grants: GrantsService;
  /** Subscriptions: customers on plan versions over time, with the entitlements their plans provision. */
  readonly subscriptions: SubscriptionsService;
  /** The durable notification outbox (at-least-once delivery). */
  readonly notifications: NotificationsService;
  /** The storage this client runs on. */
  readonly storage: Storage;
  /** Applies pending storage migrations. Explicit and idempotent: call it at startup or deploy. */
  migrate(): Promise<MigrationReport>;
  /** Subscribes to a notification; returns a function that unsubscribes. */
  on<K extends TollgateEventName>(event: K, handler: (payload: TollgateEventMap[K]) => void): () => void;
  /** Closes the client (and releases what the adapter holds; never the client you passed in). */
  close(): Promise<void>;
}

/**
 * Creates a Tollgate client.
 * @example
 * import { createTollgate } from 'tollgate';
 * import { sqliteStorage } from 'tollgate/adapters/sqlite';
 * import Database from 'better-sqlite3';
 *
 * const tg = createTollgate({ storage: sqliteStorage({ database: new Database('billing.db') }) });
 * await tg.migrate();
 * await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod'] });
 */
export function createTollgate(options: TollgateOptions = {}): Tollgate {
  const opts = parseInput(optionsSchema, options);
  const clock = opts.clock ?? systemClock;
  const storage = opts.storage ?? memoryStorage();
  const notifier = new Notifier();
  const ctx = new ServiceContext(
    storage,
    clock,
    createIdGenerator(clock),
    notifier,
    new CurrencyRegistry(opts.currencies),
    opts.rounding ?? 'half_up',
  );
  const evaluator = new EntitlementEvaluator();
  const entitlementNotifier = new EntitlementNotifier(ctx, evaluator);
  const events = new EventsService(ctx, new UsageTracker(ctx, entitlementNotifier));
  return {
    customers: new CustomersService(ctx),
    meters: new MetersService(ctx),
    events,
    features: new FeaturesService(ctx),
    plans: new PlansService(ctx),
    entitlements: new EntitlementsService(ctx, evaluator, entitlementNotifier, new EntitlementConsumer(ctx, evaluator, events)),
    grants: new GrantsService(ctx, evaluator, entitlementNotifier),
    subscriptions: new SubscriptionsService(ctx, new SubscriptionEntitlements(ctx, evaluator)),
    notifications: new NotificationsService(ctx),
    storage,
    migrate: async () => {
      ctx.assertOpen();
      return storage.migrate();
    },
    on: (event, handler) => notifier.on(event, handler),
    close: async () => {
      if (ctx.markClosed()) await storage.close();
    },
  };
}
