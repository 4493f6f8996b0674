import type { Migration } from '../migration';
import type { Storage } from '../port';

/** A job several OS processes run at once against one database (see `runConformanceJob` in `tollgate/testing`). */
export type ConformanceJob = CustomersConformanceJob | EventsConformanceJob | EntitlementsConformanceJob | SubscriptionsConformanceJob | ConsumeConformanceJob;

/** Customers created by every worker, some under contested keys. */
export interface CustomersConformanceJob {
  kind: 'customers';
  /** How many processes run the job. */
  workers: number;
  /** Customers each worker creates under its own keys. */
  perWorker: number;
  /** Customers every worker tries to create under the same keys: exactly one may win each. */
  contested: number;
}

/**
 * Overlapping event batches ingested by every worker (see `overlappingEvents`), into the meter
 * `meterId` that exists before the workers start; worker 0 also creates the COUNT meter
 * `lateMeterId` halfway through, with its backfill, while the others keep ingesting.
 */
export interface EventsConformanceJob {
  kind: 'events';
  workers: number;
  /** Distinct events in all. */
  events: number;
  /** Events per batch. */
  batchSize: number;
  meterId: string;
  lateMeterId: string;
}

/**
 * Events ingested by every worker through the facade for customers with metered entitlements
 * (prepared by `setupEntitlementsJob`), each batch followed by a check: the final balances must be
 * those of the same work done in one process.
 */
export interface EntitlementsConformanceJob {
  kind: 'entitlements';
  workers: number;
  /** Customers (each with one metered entitlement). */
  customers: number;
  /** Batches per worker. */
  batches: number;
  /** Events per batch. */
  batchSize: number;
}

/**
 * Workers racing to change and to cancel the same subscriptions through the facade (prepared by
 * `setupSubscriptionsJob`): even workers change each subscription to another plan at the next
 * billing cycle, odd ones cancel it there. Exactly one action per subscription may win; every
 * loser gets a typed refusal; nothing is half-written.
 */
export interface SubscriptionsConformanceJob {
  kind: 'subscriptions';
  workers: number;
  /** Subscriptions (one customer each) raced for. */
  subscriptions: number;
}

/**
 * Concurrent `entitlements.consume` calls of one event each on one entitlement (prepared by
 * `setupConsumeJob`): with a hard limit exactly `allowance` may be consumed, across every worker.
 */
export interface ConsumeConformanceJob {
  kind: 'consume';
  workers: number;
  /** Consumes each worker starts at once. */
  perWorker: number;
  /** The entitlement's allowance per usage period. */
  allowance: number;
  softLimit: boolean;
}

/** What one worker process reports (for events: `created` = stored, `conflicts` = duplicates). */
export interface ConformanceJobResult {
  created: number;
  conflicts: number;
  errors: string[];
}

/** One fresh database of the adapter under test. */
export interface ConformanceTarget {
  /** Opens a new handle on this target's database (another "connection"). */
  open(options?: { migrations?: readonly Migration[] }): Storage;
  /** Frees the database: drops schemas, closes pools, deletes files. */
  teardown?(): Promise<void>;
  /**
   * Runs `job` in `job.workers` separate OS processes against this database, each calling
   * `runConformanceJob` (from `tollgate/testing`) with its worker index, and returns their results. Adapters whose
   * database cannot be shared between processes (memory, `:memory:`) leave it out.
   */
  runProcesses?(job: ConformanceJob): Promise<ConformanceJobResult[]>;
}

/** Makes a fresh target for each test. */
export type ConformanceSetup = () => Promise<ConformanceTarget>;
