import { formatDecimal, parseDecimal, type Decimal } from '../money';

/**
 * A usage checkpoint's tail with usage just added to it in the same transaction (a granted
 * consume's own event), so the state after the decision needs no second read. `added` absent:
 * the tail as stored.
 * @example
 * tailPlus('41', '1'); // Decimal 42
 */
export function tailPlus(tail: string, added: string | undefined): string | Decimal {
  return added === undefined ? tail : parseDecimal(tail, 'tail').plus(parseDecimal(added, 'tail'));
}

/**
 * The usage a checkpoint's tail holds when it is rebuilt: everything read from the segment start
 * on, less the usage stamped from `pendingFromMs` on (future-stamped events stay out of the tail
 * until their time comes). `pending` null: nothing is pending.
 * @example
 * tailUsage('120', '20'); // '100'
 */
export function tailUsage(all: string, pending: string | null): string {
  return pending === null ? all : formatDecimal(parseDecimal(all, 'usage').minus(parseDecimal(pending, 'usage')));
}
