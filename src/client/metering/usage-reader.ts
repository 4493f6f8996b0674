import type { CompiledMeter } from '../../core/metering';
import { Dec } from '../../core/money';
import type { StorageTransaction } from '../../storage';
import { runMeterQuery } from './run-meter-query';

/** The latest instant a Date holds: "no end" for usage reads. */
export const END_OF_TIME_MS = 8.64e15;

/** Whose usage an entitlement counts: one meter, one customer's subjects (now), the feature's group filters. */
export interface UsageScope {
  readonly meter: CompiledMeter;
  readonly customerId: string;
  readonly filters: Readonly<Record<string, string | string[]>>;
}

/**
 * The meter's value over `[fromMs, toMs)` for the scope, from the rollups (and raw events at
 * partial-hour edges) through the meter query: SUM and COUNT add up, LATEST is the latest value.
 * `"0"` when nothing was used.
 */
export async function readUsage(tx: StorageTransaction, scope: UsageScope, fromMs: number, toMs: number, nowMs: number): Promise<string> {
  if (fromMs >= toMs) return '0';
  const rows = await runMeterQuery(
    tx,
    scope.meter,
    { from: new Date(fromMs), to: new Date(toMs), customer: [scope.customerId], filterGroupBy: { ...scope.filters } },
    nowMs,
  );
  if (rows.length === 0) return '0';
  if (rows.length === 1) return rows[0]!.value;
  return rows.reduce((sum, row) => sum.plus(row.value), new Dec(0)).toFixed();
}
