import type { Period } from '../time';
import { burnDown, usageWindows } from './burn-down';
import type { BurnDownInput } from './burn-down-input';
import type { BurnDownResult } from './burn-down-result';
import type { NumericInput } from './numeric';

/**
 * Reads a meter's usage over `[from, to)` for one entitlement (OpenMeter's `QueryUsage` shape):
 * the one seam through which stored usage reaches the engine.
 */
export type QueryUsage = (from: Date, to: Date) => Promise<NumericInput>;

/**
 * {@link burnDown} with usage read through an asynchronous `queryUsage`: plans the windows the run
 * reads, asks for each distinct window once, in order, then burns down with what came back. Checks,
 * history and the billing run all read stored usage through this one function.
 * @throws ValidationError like {@link burnDown}.
 * @example
 * await burnDownFromMeter({ grants, from: '2024-01-01T00:00:00Z', to: '2024-01-20T00:00:00Z' },
 *   async (from, to) => sumOfEventsIn(from, to));
 */
export async function burnDownFromMeter(input: Omit<BurnDownInput, 'usage'>, queryUsage: QueryUsage): Promise<BurnDownResult> {
  const usage = new Map<string, NumericInput>();
  for (const w of usageWindows(input)) {
    const key = windowKey(w);
    if (!usage.has(key)) usage.set(key, await queryUsage(w.from, w.to));
  }
  return burnDown({ ...input, usage: (from, to) => usage.get(windowKey({ from, to })) ?? '0' });
}

const windowKey = (w: Period): string => `${w.from.getTime()}:${w.to.getTime()}`;
