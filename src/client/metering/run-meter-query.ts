import { type CompiledMeter, type MeterQueryRow, aggregateMeterQuery, planWindows, queryDimensionIssues, queryRange, querySubjects } from '../../core/metering';
import { ValidationError } from '../../errors';
import { RESERVED_GROUP_BY, type meterQuerySchema } from '../../schema';
import type { CustomerRecord, StorageTransaction } from '../../storage';
import type { z } from 'zod';
import { resolveCustomer } from '../customers/customers-service';

/** A parsed `tg.meters.query` input. */
export type MeterQuery = z.output<typeof meterQuerySchema>;

function ownersMap(customers: readonly CustomerRecord[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const c of customers) for (const s of c.subjectKeys) owners.set(s, c.id);
  return owners;
}

/**
 * Runs a meter query inside a transaction: checks the dimensions, resolves customers to their
 * subjects (attribution happens now, so subjects claimed later count), plans the windows, reads
 * the rollups and the raw edges, and aggregates.
 */
export async function runMeterQuery(tx: StorageTransaction, meter: CompiledMeter, query: MeterQuery, nowMs: number): Promise<MeterQueryRow[]> {
  const issues = queryDimensionIssues(meter.key, meter.dimensions, query);
  if (issues.length > 0) throw new ValidationError(issues);
  const groupBy = query.groupBy ?? [];
  const customers =
    query.customer !== undefined && query.customer.length > 0 ? await Promise.all([...new Set(query.customer)].map((ref) => resolveCustomer(tx, ref))) : null;
  const subjects = querySubjects(query.subject, customers);
  const { fromMs, toMs } = queryRange(query.from, query.to, nowMs, query.from === undefined ? await tx.rollups.firstBucket(meter.id) : undefined);
  const plan = planWindows({ fromMs, toMs, windowSize: query.windowSize, timeZone: query.windowTimeZone });
  const unique = meter.aggregation === 'UNIQUE_COUNT';
  const range = plan.rollupRange;
  const read = range && { fromMs: range.from, toMs: range.to, subjects };
  const [cells, distinct, events] = await Promise.all([
    read && !unique ? tx.rollups.read(meter.id, read) : [],
    read && unique ? tx.rollups.readDistinct(meter.id, read) : [],
    plan.rawRanges.length > 0 && subjects?.length !== 0 ? tx.events.scan({ type: meter.eventType, subjects, ranges: plan.rawRanges }) : [],
  ]);
  let customerOf: Map<string, string> | null = null;
  if (customers !== null) customerOf = ownersMap(customers);
  else if (groupBy.includes('customer')) {
    const seen = new Set<string>([...cells.map((c) => c.subject), ...distinct.map((d) => d.subject), ...events.map((e) => e.subject)]);
    customerOf = ownersMap(await tx.customers.findBySubjectKeys([...seen]));
  }
  const filters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(query.filterGroupBy ?? {})) filters[name] = typeof value === 'string' ? [value] : value;
  return aggregateMeterQuery(
    {
      meter,
      plan,
      groupBy: groupBy.filter((d) => !(RESERVED_GROUP_BY as readonly string[]).includes(d)),
      splitBySubject: groupBy.includes('subject') || (query.subject !== undefined && query.subject.length > 0),
      customerOf,
      subjects: subjects === null ? null : new Set(subjects),
      filters,
    },
    { cells, distinct, events },
  );
}
