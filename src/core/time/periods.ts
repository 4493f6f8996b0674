import { ValidationError } from '../../errors';
import { parseIntervalCached } from './duration';
import { toEpochMs, type Instant } from './instant';
import { Recurrence, boundaryDate, type Period } from './recurrence';
import { ensureZone } from './zone';

/** The most periods {@link periods} returns before it throws `too_many_periods`. */
export const MAX_PERIODS = 1_000_000;

/** Options of {@link periods}: the range `[from, to)` and the zone. */
export interface PeriodsOptions {
  /** Inclusive start of the range (path `from`). */
  from: Instant;
  /** Exclusive end of the range (path `to`). */
  to: Instant;
  /** IANA zone whose local calendar the recurrence follows. Default `UTC`. */
  timeZone?: string | undefined;
}

/**
 * Every whole period `[b_k, b_k+1)` of the recurrence `b_k = anchor + k × interval` that overlaps
 * `[from, to)`, in order and not clipped to the range. A period ending exactly at `from` or starting
 * exactly at `to` does not overlap and is left out; `from == to` gives `[]`.
 *
 * @param anchor - boundary 0 (path `anchor`).
 * @param interval - a non-zero ISO-8601 duration (path `interval`).
 * @throws {@link ValidationError} `invalid_range` (path `to`) when `from` is after `to`,
 *   `too_many_periods` (path `to`) beyond {@link MAX_PERIODS}, and the codes of the inputs.
 * @example
 * periods('2024-01-31', 'P1M', { from: '2024-02-10', to: '2024-04-01' });
 * // [ { from: 2024-01-31, to: 2024-02-29 }, { from: 2024-02-29, to: 2024-03-31 },
 * //   { from: 2024-03-31, to: 2024-04-30 } ]   (midnight UTC each)
 */
export function periods(anchor: Instant, interval: string, options: PeriodsOptions): Period[] {
  const anchorMs = toEpochMs(anchor, 'anchor');
  const d = parseIntervalCached(interval, 'interval');
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.single('', 'invalid_type', 'expected options { from, to, timeZone? }');
  }
  const fromMs = toEpochMs(options.from, 'from');
  const toMs = toEpochMs(options.to, 'to');
  const zone = options.timeZone === undefined ? 'UTC' : ensureZone(options.timeZone, 'timeZone');
  if (fromMs > toMs) {
    throw ValidationError.single('to', 'invalid_range', '`to` is before `from`: the range [from, to) must not be reversed');
  }
  if (fromMs === toMs) return [];
  const r = new Recurrence(anchorMs, d, zone);
  const first = r.indexAt(fromMs);
  const last = r.indexAt(toMs - 1);
  const count = last - first + 1;
  if (count > MAX_PERIODS) {
    throw ValidationError.single(
      'to',
      'too_many_periods',
      `the range holds ${count} periods of ${interval}, more than the limit of ${MAX_PERIODS}`,
    );
  }
  const out: Period[] = [];
  let start = r.boundary(first);
  for (let k = first; k <= last; k += 1) {
    const end = r.boundary(k + 1);
    out.push({ from: boundaryDate(start), to: boundaryDate(end) });
    start = end;
  }
  return out;
}
