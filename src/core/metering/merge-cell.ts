import { addExact, maxExact, minExact } from './exact-value';
import type { RollupCell } from './rollup-cell';

/**
 * Merges `delta` into `target` in place (same meter, same key): counts and sums add exactly, min
 * and max keep the extreme, the latest value is the one with the greater (time, seq).
 * @example
 * const cell = { ...stored };
 * mergeCellInto(cell, delta); // cell.count === stored.count + delta.count
 */
export function mergeCellInto(target: RollupCell, delta: RollupCell): void {
  target.count += delta.count;
  if (delta.sum !== null) target.sum = target.sum === null ? delta.sum : addExact(target.sum, delta.sum);
  if (delta.min !== null) target.min = minExact(target.min, delta.min);
  if (delta.max !== null) target.max = maxExact(target.max, delta.max);
  if (delta.latestTime !== null && delta.latestValue !== null) {
    const t = target.latestTime;
    const newer = t === null || delta.latestTime > t || (delta.latestTime === t && (delta.latestSeq ?? 0) > (target.latestSeq ?? 0));
    if (newer) {
      target.latestTime = delta.latestTime;
      target.latestSeq = delta.latestSeq;
      target.latestValue = delta.latestValue;
    }
  }
}
