import { memoryStorage } from '../../../adapters/memory';
import { createTollgate } from '../../client';
import type { EventInput } from '../../core/metering';
import type { Storage } from '../../storage';
import type { ConformanceJobResult, EntitlementsConformanceJob } from '../../storage/conformance';

/** The instant every process of the job takes as "now". */
const NOW = new Date('2024-03-20T00:00:00Z');
const clock = { now: () => new Date(NOW) };
const customerKey = (c: number): string => `ent-customer-${c}`;

/**
 * Prepares the database of an entitlements job (in one process, before the workers start): a SUM
 * meter, a metered feature, and for each customer a metered entitlement with an issue-after-reset
 * allowance and two grants.
 */
export async function setupEntitlementsJob(storage: Storage, job: EntitlementsConformanceJob): Promise<void> {
  const tg = createTollgate({ storage, clock });
  await tg.migrate();
  await tg.meters.create({ key: 'ent_tokens', eventType: 'ent.tokens', aggregation: 'SUM', valueProperty: '$.n' });
  await tg.features.create({ key: 'ent_tokens', meterKey: 'ent_tokens' });
  for (let c = 0; c < job.customers; c++) {
    await tg.customers.create({ key: customerKey(c), subjectKeys: [customerKey(c)] });
    const e = await tg.entitlements.create({
      customer: customerKey(c),
      feature: 'ent_tokens',
      type: 'metered',
      usagePeriod: { interval: 'P1M', anchor: '2024-01-01T00:00:00Z' },
      issueAfterReset: { amount: 1000 },
      preserveOverageAtReset: c % 2 === 0,
    });
    await tg.grants.create({ entitlement: e.id }, { amount: '250.5', priority: 2, effectiveAt: '2024-02-10T00:00:00Z', maxRolloverAmount: 100 });
    await tg.grants.create({ entitlement: e.id }, { amount: 400, priority: 3, effectiveAt: '2024-03-10T00:00:00Z', expiresAt: '2024-03-25T00:00:00Z' });
  }
}

/** The events of one batch of one worker: values with decimals, times in February and March (late ones too). */
function batchOf(job: EntitlementsConformanceJob, worker: number, batch: number): EventInput[] {
  return Array.from({ length: job.batchSize }, (_, k) => {
    const i = batch * job.batchSize + k;
    const day = 1 + ((i * 7 + worker * 3) % 47);
    return {
      id: `ent-w${worker}-${i}`,
      source: 'conformance',
      type: 'ent.tokens',
      subject: customerKey((i + worker) % job.customers),
      time: new Date(Date.UTC(2024, 1, 1) + day * 86_400_000 + (i % 1000) * 1000),
      data: { n: `${1 + (i % 13)}.${i % 10}` },
    };
  });
}

/** One worker's share of an entitlements job: ingest its batches, checking a customer after each. */
export async function runEntitlementsJob(storage: Storage, job: EntitlementsConformanceJob, worker: number): Promise<ConformanceJobResult> {
  const tg = createTollgate({ storage, clock });
  const result: ConformanceJobResult = { created: 0, conflicts: 0, errors: [] };
  for (let b = 0; b < job.batches; b++) {
    try {
      const r = await tg.events.ingest(batchOf(job, worker, b));
      result.created += r.accepted;
      result.conflicts += r.duplicates;
      await tg.entitlements.check(customerKey(b % job.customers), 'ent_tokens');
    } catch (error) {
      result.errors.push(String(error));
    }
  }
  return result;
}

/** Every customer's entitlement value now, by customer key. */
export async function entitlementsJobBalances(storage: Storage, job: EntitlementsConformanceJob): Promise<Record<string, unknown>> {
  const tg = createTollgate({ storage, clock });
  const out: Record<string, unknown> = {};
  for (let c = 0; c < job.customers; c++) {
    const { balance, usage, overage, totalAvailableGrantAmount, hasAccess } = await tg.entitlements.check(customerKey(c), 'ent_tokens');
    out[customerKey(c)] = { balance, usage, overage, totalAvailableGrantAmount, hasAccess };
  }
  return out;
}

/** The balances the same work gives when one process does all of it, on in-memory storage. */
export async function entitlementsJobExpected(job: EntitlementsConformanceJob): Promise<Record<string, unknown>> {
  const storage = memoryStorage();
  await setupEntitlementsJob(storage, job);
  for (let w = 0; w < job.workers; w++) await runEntitlementsJob(storage, job, w);
  return entitlementsJobBalances(storage, job);
}
