import { type CompiledMeter, meterTotal } from '../../core/metering';
import type { StorageTransaction } from '../../storage';
import { runMeterQuery } from './run-meter-query';

/** The latest instant a Date holds: "no end" for usage reads. */
export const END_OF_TIME_MS = 8.64e15;

/** Whose usage is read: one meter, one customer's subjects (attributed now), group filters. */
export interface UsageScope {
  readonly meter: CompiledMeter;
  readonly customerId: string;
  readonly filters: Readonly<Record<string, string | string[]>>;
}

/**
 * The meter's value over `[fromMs, toMs)` for the scope, from the rollups (and raw events at
 * partial-hour edges) through the meter query: SUM and COUNT add up, LATEST is the latest value.
 * `"0"` when nothing was used. The one way stored usage is read for entitlements (and billing).
 */
export async function readUsage(tx: StorageTransaction, scope: UsageScope, fromMs: number, toMs: number, nowMs: number): Promise<string> {
  if (fromMs >= toMs) return '0';
  const rows = await runMeterQuery(
    tx,
    scope.meter,
    { from: new Date(fromMs), to: new Date(toMs), customer: [scope.customerId], filterGroupBy: { ...scope.filters } },
    nowMs,
  );
  return meterTotal(rows);
}

/**
 * The scope's usage reader in the shape the core engine takes (`QueryUsage`): what
 * `burnDownFromMeter` calls for each window it plans.
 */
export const usageQueryOf =
  (tx: StorageTransaction, scope: UsageScope, nowMs: number) =>
  (from: Date, to: Date): Promise<string> =>
    readUsage(tx, scope, from.getTime(), to.getTime(), nowMs);
