import { createTollgate } from '../../client';
import type { Storage } from '../../storage';
import type { ConformanceJobResult, ConsumeConformanceJob } from '../../storage/conformance';

/** The instant every process of the job takes as "now". */
const NOW = new Date('2024-03-20T00:00:00Z');
const clock = { now: () => new Date(NOW) };

/** Prepares the database of a consume job: a COUNT meter, a feature, one customer with `allowance` a month. */
export async function setupConsumeJob(storage: Storage, job: ConsumeConformanceJob): Promise<void> {
  const tg = createTollgate({ storage, clock });
  await tg.migrate();
  await tg.meters.create({ key: 'consume_calls', eventType: 'consume.call', aggregation: 'COUNT' });
  await tg.features.create({ key: 'consume_calls', meterKey: 'consume_calls' });
  await tg.customers.create({ key: 'consumer', subjectKeys: ['consumer-1'] });
  await tg.entitlements.create({
    customer: 'consumer',
    feature: 'consume_calls',
    type: 'metered',
    usagePeriod: { interval: 'P1M', anchor: '2024-03-01T00:00:00Z' },
    issueAfterReset: { amount: job.allowance },
    isSoftLimit: job.softLimit,
  });
}

/** One worker's share: `perWorker` consumes of one event each, all started at once. `created` = consumed, `conflicts` = denied. */
export async function runConsumeJob(storage: Storage, job: ConsumeConformanceJob, worker: number): Promise<ConformanceJobResult> {
  const tg = createTollgate({ storage, clock });
  const result: ConformanceJobResult = { created: 0, conflicts: 0, errors: [] };
  const outcomes = await Promise.allSettled(
    Array.from({ length: job.perWorker }, (_, i) =>
      tg.entitlements.consume('consumer', 'consume_calls', { event: { id: `w${worker}-${i}`, source: 'conformance', type: 'consume.call', subject: 'consumer-1' } }),
    ),
  );
  for (const o of outcomes) {
    if (o.status === 'rejected') result.errors.push(String(o.reason));
    else if (o.value.consumed && !o.value.duplicate) result.created++;
    else result.conflicts++;
  }
  return result;
}

/** The events stored and the usage a check sees after a consume job. */
export async function consumeJobOutcome(storage: Storage): Promise<{ events: number; usage: string | undefined }> {
  const tg = createTollgate({ storage, clock });
  const { items } = await tg.events.list({ type: 'consume.call', limit: 1000 });
  return { events: items.length, usage: (await tg.entitlements.check('consumer', 'consume_calls')).usage };
}
