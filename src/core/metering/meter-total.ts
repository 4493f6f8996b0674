import { Dec } from '../money';
import type { MeterQueryRow } from './meter-query';

/**
 * The total of a meter query's rows as one exact decimal string: for SUM and COUNT meters, the
 * usage over the whole range. `"0"` for no rows.
 * @example
 * meterTotal([{ value: '0.1', ... }, { value: '0.2', ... }]); // '0.3'
 */
export function meterTotal(rows: readonly Pick<MeterQueryRow, 'value'>[]): string {
  if (rows.length === 0) return '0';
  if (rows.length === 1) return rows[0]!.value;
  return rows.reduce((sum, row) => sum.plus(row.value), new Dec(0)).toFixed();
}
