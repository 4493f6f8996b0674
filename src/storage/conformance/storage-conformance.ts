import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, StateError } from '../../errors';
import type { Storage } from '../port';
import { catalogConformance } from './catalog-conformance';
import { customersConformance, sampleCustomer } from './customers-conformance';
import { entitlementConformance } from './entitlement-conformance';
import { meterTotals, meteringConformance } from './metering-conformance';
import { sampleMeter } from './metering-samples';
import { subscriptionConformance } from './subscription-conformance';
import type { ConformanceJobResult, ConformanceSetup, ConformanceTarget, ConsumeConformanceJob, EntitlementsConformanceJob, SubscriptionsConformanceJob } from './target';

/** Options of {@link storageConformance}. */
export interface ConformanceOptions {
  /** Also run the tests with several OS processes (the target must implement `runProcesses`). */
  multiProcess?: boolean;
}

/**
 * What the multi-process entitlements test needs of the facade (`createTollgate`). Storage may not
 * import the client, so `tollgate/testing` passes these in (see its `storageConformance`).
 * @internal
 */
export interface FacadeConformanceJobs {
  /** Prepares the database of an entitlements job, in this process, before the workers start. */
  setupEntitlementsJob(storage: Storage, job: EntitlementsConformanceJob): Promise<void>;
  /** Every customer's entitlement value now, by customer key. */
  entitlementsJobBalances(storage: Storage, job: EntitlementsConformanceJob): Promise<Record<string, unknown>>;
  /** The balances the same work gives when one process does all of it. */
  entitlementsJobExpected(job: EntitlementsConformanceJob): Promise<Record<string, unknown>>;
  /** Prepares the database of a subscriptions job: plans, and one active subscription per customer. */
  setupSubscriptionsJob(storage: Storage, job: SubscriptionsConformanceJob): Promise<void>;
  /** What the race left, per subscription: which action won, and every inconsistency found. */
  subscriptionsJobOutcome(storage: Storage, job: SubscriptionsConformanceJob): Promise<{ changed: number; canceled: number; untouched: number; inconsistencies: string[] }>;
  /** Prepares the database of a consume job. */
  setupConsumeJob(storage: Storage, job: ConsumeConformanceJob): Promise<void>;
  /** One worker's share of a consume job, in this process. */
  runConsumeJob(storage: Storage, job: ConsumeConformanceJob, worker: number): Promise<ConformanceJobResult>;
  /** The events stored and the usage a check sees after a consume job. */
  consumeJobOutcome(storage: Storage): Promise<{ events: number; usage: string | undefined }>;
}

/**
 * The storage conformance suite: the same tests for every adapter, one file per domain. Adapter
 * authors call it through `storageConformance` from `tollgate/testing`, which passes the facade
 * jobs the multi-process entitlements test needs (`options.facadeJobs`).
 */
export function storageConformance(
  name: string,
  setup: ConformanceSetup,
  options: ConformanceOptions & { facadeJobs?: FacadeConformanceJobs } = {},
): void {
  describe(`storage conformance: ${name}`, () => {
    let target: ConformanceTarget;
    let storage: Storage;

    beforeEach(async () => {
      target = await setup();
      storage = target.open();
    });
    afterEach(async () => {
      await storage.close();
      await target.teardown?.();
    });

    describe('migrations', () => {
      it('applies every migration on a fresh database and records them', async () => {
        const report = await storage.migrate();
        expect(report.applied).toEqual(storage.migrations.map((m) => m.id));
        expect(report.alreadyApplied).toEqual([]);
      });

      it('is a no-op when run again, from the same or another handle', async () => {
        await storage.migrate();
        expect(await storage.migrate()).toEqual({ applied: [], alreadyApplied: storage.migrations.map((m) => m.id) });
        const other = target.open();
        expect((await other.migrate()).applied).toEqual([]);
        await other.close();
      });

      it('refuses a migration edited after it was applied, and changes nothing', async () => {
        await storage.migrate();
        const edited = storage.migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
        const other = target.open({ migrations: edited });
        const error = await other.migrate().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StateError);
        expect((error as StateError).reason).toBe('migration_checksum_mismatch');
        expect((await storage.migrate()).applied).toEqual([]);
        await other.close();
      });

      it('refuses to run an older version on a database migrated by a newer one', async () => {
        await storage.migrate();
        const older = target.open({ migrations: storage.migrations.slice(0, -1) });
        const error = await older.migrate().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StateError);
        expect((error as StateError).reason).toBe('migration_unknown');
        await older.close();
      });

      it('applies only the new migrations of a later version', async () => {
        const first = storage.migrations.slice(0, -1);
        const older = target.open({ migrations: first });
        await older.migrate();
        expect((await storage.migrate()).applied).toEqual(storage.migrations.slice(-1).map((m) => m.id));
        await older.close();
      });
    });

    customersConformance(
      () => storage,
      () => target.open(),
    );

    catalogConformance(() => storage);

    meteringConformance(
      () => storage,
      () => target.open(),
    );

    entitlementConformance(
      () => storage,
      () => target.open(),
    );

    subscriptionConformance(() => storage);

    describe('transactions', () => {
      beforeEach(async () => {
        await storage.migrate();
      });

      it('keeps nothing of a transaction whose callback throws, and rethrows the error unchanged', async () => {
        const boom = new Error('boom');
        const error = await storage
          .transaction(async (tx) => {
            await tx.customers.insert(sampleCustomer('cus_1', 'a', ['sa']));
            await tx.customers.insert(sampleCustomer('cus_2', 'b', ['sb']));
            throw boom;
          })
          .catch((e: unknown) => e);
        expect(error).toBe(boom);
        const left = await storage.transaction(async (tx) => ({
          list: await tx.customers.list({ limit: 10, includeArchived: true }),
          subject: await tx.customers.findBySubjectKey('sa'),
        }));
        expect(left).toEqual({ list: [], subject: undefined });
      });

      it('rolls back an update when a later write in the same transaction conflicts', async () => {
        await storage.transaction(async (tx) => {
          await tx.customers.insert(sampleCustomer('cus_1', 'a', ['sa']));
          await tx.customers.insert(sampleCustomer('cus_2', 'b', ['sb']));
        });
        const error = await storage
          .transaction(async (tx) => {
            await tx.customers.update({ ...sampleCustomer('cus_1', 'a', ['sa', 'new']), name: 'changed' });
            await tx.customers.insert(sampleCustomer('cus_3', 'b'));
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        const a = await storage.transaction((tx) => tx.customers.findById('cus_1'));
        expect(a).toEqual(sampleCustomer('cus_1', 'a', ['sa']));
        expect(await storage.transaction((tx) => tx.customers.findBySubjectKey('new'))).toBeUndefined();
      });

      it('sees its own writes before commit', async () => {
        const seen = await storage.transaction(async (tx) => {
          await tx.customers.insert(sampleCustomer('cus_1', 'a', ['sa']));
          return tx.customers.findBySubjectKey('sa');
        });
        expect(seen?.id).toBe('cus_1');
      });

      it('serializes concurrent transactions from two handles: no lost writes, one winner per key', async () => {
        const other = target.open();
        const handles = [storage, other];
        const outcomes = await Promise.allSettled(
          Array.from({ length: 40 }, (_, i) =>
            handles[i % 2]!.transaction(async (tx) => {
              const key = i < 20 ? `own-${i}` : `contested-${i % 4}`;
              await tx.customers.insert(sampleCustomer(`cus_${String(i).padStart(3, '0')}`, key, [`s-${key}`]));
            }),
          ),
        );
        const rejected = outcomes.filter((o) => o.status === 'rejected');
        expect(rejected.every((o) => (o as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
        const all = await other.transaction((tx) => tx.customers.list({ limit: 100, includeArchived: true }));
        expect(all).toHaveLength(24);
        expect(rejected).toHaveLength(16);
        await other.close();
      });
    });

    if (options.facadeJobs) {
      const jobs = options.facadeJobs;
      describe('concurrent consumers (entitlements.consume)', () => {
        it.each([
          ['a hard limit: exactly the allowance consumed', false, 10],
          ['a soft limit: everything consumed', true, 100],
        ] as const)('100 at once on an allowance of 10, %s', async (_case, softLimit, consumed) => {
          const job: ConsumeConformanceJob = { kind: 'consume', workers: 1, perWorker: 100, allowance: 10, softLimit };
          await jobs.setupConsumeJob(storage, job);
          const result = await jobs.runConsumeJob(storage, job, 0);
          expect(result.errors).toEqual([]);
          expect({ consumed: result.created, denied: result.conflicts }).toEqual({ consumed, denied: 100 - consumed });
          expect(await jobs.consumeJobOutcome(storage)).toEqual({ events: consumed, usage: String(consumed) });
        });
      });
    }

    if (options.multiProcess) describe('several OS processes consuming one entitlement', () => {
      it.each([2, 4])('%i processes, 100 consumes in all on an allowance of 10: exactly 10 consumed', async (workers) => {
        if (!target.runProcesses) throw new Error('multiProcess is set but the target has no runProcesses()');
        const jobs = options.facadeJobs;
        if (!jobs) throw new Error('the consume job needs the facade: run storageConformance from tollgate/testing');
        const job: ConsumeConformanceJob = { kind: 'consume', workers, perWorker: 100 / workers, allowance: 10, softLimit: false };
        await jobs.setupConsumeJob(storage, job);
        const results = await target.runProcesses(job);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        expect(results.reduce((n, r) => n + r.created, 0)).toBe(10);
        expect(results.reduce((n, r) => n + r.conflicts, 0)).toBe(90);
        expect(await jobs.consumeJobOutcome(storage)).toEqual({ events: 10, usage: '10' });
      });
    });

    if (options.multiProcess) describe('several OS processes ingesting and checking entitlements', () => {
      it('end with the balances of the same work done in one process', async () => {
        if (!target.runProcesses) throw new Error('multiProcess is set but the target has no runProcesses()');
        const jobs = options.facadeJobs;
        if (!jobs) throw new Error('the entitlements job needs the facade: run storageConformance from tollgate/testing');
        const job = { kind: 'entitlements' as const, workers: 2, customers: 6, batches: 12, batchSize: 50 };
        await jobs.setupEntitlementsJob(storage, job);
        const results = await target.runProcesses(job);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        expect(results.reduce((n, r) => n + r.created, 0)).toBe(job.workers * job.batches * job.batchSize);
        expect(await jobs.entitlementsJobBalances(storage, job)).toEqual(await jobs.entitlementsJobExpected(job));
      });
    });

    if (options.multiProcess) describe('several OS processes changing and canceling the same subscriptions', () => {
      it.each([2, 4])('with %i processes: exactly one action wins each subscription, the others get typed refusals, nothing half-written', async (workers) => {
        if (!target.runProcesses) throw new Error('multiProcess is set but the target has no runProcesses()');
        const jobs = options.facadeJobs;
        if (!jobs) throw new Error('the subscriptions job needs the facade: run storageConformance from tollgate/testing');
        const job = { kind: 'subscriptions' as const, workers, subscriptions: 12 };
        await jobs.setupSubscriptionsJob(storage, job);
        const results = await target.runProcesses(job);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        expect(results.reduce((n, r) => n + r.created, 0)).toBe(job.subscriptions);
        expect(results.reduce((n, r) => n + r.conflicts, 0)).toBe((workers - 1) * job.subscriptions);
        const outcome = await jobs.subscriptionsJobOutcome(storage, job);
        expect(outcome.inconsistencies).toEqual([]);
        expect(outcome.changed + outcome.canceled).toBe(job.subscriptions);
        expect(outcome.untouched).toBe(0);
      });
    });

    if (options.multiProcess) describe('several OS processes on one database', () => {
      it('counts every write once and types every conflict', async () => {
        if (!target.runProcesses) throw new Error('multiProcess is set but the target has no runProcesses()');
        await storage.migrate();
        const job = { kind: 'customers' as const, workers: 2, perWorker: 60, contested: 30 };
        const results = await target.runProcesses(job);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        const created = results.reduce((n, r) => n + r.created, 0);
        const conflicts = results.reduce((n, r) => n + r.conflicts, 0);
        expect(created).toBe(job.workers * job.perWorker + job.contested);
        expect(conflicts).toBe((job.workers - 1) * job.contested);
        const stored = await storage.transaction((tx) => tx.customers.list({ limit: 1000, includeArchived: true }));
        expect(stored).toHaveLength(created);
        for (let n = 0; n < job.contested; n++) {
          const owner = await storage.transaction((tx) => tx.customers.findBySubjectKey(`contested-subject-${n}`));
          expect(owner?.key).toBe(`contested-${n}`);
        }
      });

      it('ingests overlapping event batches from several processes: every event stored and counted exactly once', async () => {
        if (!target.runProcesses) throw new Error('multiProcess is set but the target has no runProcesses()');
        await storage.migrate();
        await storage.transaction((tx) => tx.meters.insert(sampleMeter('mtr_job_sum', 'job_sum')));
        const job = { kind: 'events' as const, workers: 2, events: 1200, batchSize: 100, meterId: 'mtr_job_sum', lateMeterId: 'mtr_job_late' };
        const results = await target.runProcesses(job);
        expect(results.flatMap((r) => r.errors)).toEqual([]);
        expect(results.reduce((n, r) => n + r.created, 0)).toBe(job.events);
        expect(results.reduce((n, r) => n + r.conflicts, 0)).toBe(job.events);
        // Event n carries amount n.05: the sum over n < 1200 is 719,400 + 60.
        expect(await meterTotals(storage, 'mtr_job_sum')).toEqual({ count: 1200, sum: '719460' });
        expect((await meterTotals(storage, 'mtr_job_late')).count).toBe(1200);
        const stored = await storage.transaction((tx) => tx.events.list({ limit: 5000 }));
        expect(new Set(stored.map((e) => e.id)).size).toBe(1200);
        expect(stored).toHaveLength(1200);
      });
    });
  });
}
