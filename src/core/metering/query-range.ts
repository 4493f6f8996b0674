/**
 * The range `[fromMs, toMs)` a meter query covers: `to` defaults to now; `from` defaults to the
 * meter's first rollup bucket (nothing before it was ever counted), never after `to`.
 * @example
 * queryRange(undefined, undefined, Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-01-05T10:00:00Z'));
 * // { fromMs: 2024-01-05T10:00Z, toMs: 2024-03-01T00:00Z }
 */
export function queryRange(from: Date | undefined, to: Date | undefined, nowMs: number, firstBucketMs: number | undefined): { fromMs: number; toMs: number } {
  const toMs = to?.getTime() ?? nowMs;
  return { fromMs: from?.getTime() ?? Math.min(toMs, firstBucketMs ?? toMs), toMs };
}
