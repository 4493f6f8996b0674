import type { Decimal } from '../money';
import { type OpenSegment, depletionPoints } from './open-segment';
import { type Threshold, thresholdKey, thresholdPoint } from './thresholds';

/**
 * The segment usage (tail) at which an entitlement may next notify: the lowest point at which a
 * grant runs out or a threshold is reached, among those whose key (`grant:<id>`,
 * `threshold:<key>`) has not fired in the usage period. `null` when nothing is left to fire.
 * Ingestion evaluates an entitlement only when its tail passes this point.
 * @example
 * nextNotifyPoint(open, [{ type: 'usage', value: 100 }], new Set()); // '100' (a decimal string)
 */
export function nextNotifyPoint(open: OpenSegment, thresholds: readonly Threshold[], fired: ReadonlySet<string>): string | null {
  let min: Decimal | undefined;
  const consider = (key: string, at: Decimal): void => {
    if (!fired.has(key) && (min === undefined || at.lt(min))) min = at;
  };
  for (const point of depletionPoints(open)) consider(`grant:${point.grantId}`, point.at);
  for (const threshold of thresholds) consider(`threshold:${thresholdKey(threshold)}`, thresholdPoint(open, threshold));
  return min === undefined ? null : min.toFixed();
}
