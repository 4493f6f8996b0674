import type { Aggregation } from './aggregation';
import { Dec } from '../money/decimal';
import { formatDecimal } from '../money/format';
import { ExactSum } from './exact-sum';
import { type ExactValue, formatExact, maxExact, minExact } from './exact-value';
import type { RollupCell } from './rollup-cell';

/**
 * Merges values and rollup cells of one meter into one aggregate. Only what the aggregation needs
 * is tracked: COUNT counts; SUM and AVG keep an exact sum and a count; MIN and MAX the extreme;
 * LATEST the value with the greatest (time, sequence).
 */
export class CellAccumulator {
  count = 0;
  private readonly sum: ExactSum | null;
  private min: ExactValue | null = null;
  private max: ExactValue | null = null;
  private latestTime = Number.NEGATIVE_INFINITY;
  private latestSeq = Number.NEGATIVE_INFINITY;
  private latestValue: ExactValue | null = null;

  constructor(private readonly aggregation: Aggregation) {
    this.sum = aggregation === 'SUM' || aggregation === 'AVG' ? new ExactSum() : null;
  }

  /** Adds one event's value (`null` for COUNT), seen at `time` with ingestion sequence `seq`. */
  addValue(value: ExactValue | null, time: number, seq: number): void {
    this.count++;
    if (value === null) return;
    switch (this.aggregation) {
      case 'SUM':
      case 'AVG':
        this.sum!.add(value);
        return;
      case 'MIN':
        this.min = minExact(this.min, value);
        return;
      case 'MAX':
        this.max = maxExact(this.max, value);
        return;
      case 'LATEST':
        this.takeLatest(time, seq, value);
        return;
      default:
        return;
    }
  }

  /** Adds a stored cell of the same meter. */
  addCell(cell: RollupCell): void {
    if (cell.count === 0) return;
    this.count += cell.count;
    if (cell.sum !== null) this.sum?.add(cell.sum);
    if (cell.min !== null) this.min = minExact(this.min, cell.min);
    if (cell.max !== null) this.max = maxExact(this.max, cell.max);
    if (cell.latestValue !== null && cell.latestTime !== null) this.takeLatest(cell.latestTime, cell.latestSeq ?? 0, cell.latestValue);
  }

  private takeLatest(time: number, seq: number, value: ExactValue): void {
    if (time > this.latestTime || (time === this.latestTime && seq > this.latestSeq)) {
      this.latestTime = time;
      this.latestSeq = seq;
      this.latestValue = value;
    }
  }

  /** The accumulated fields as a rollup cell at `bucket` for `subject` and `groupKey`. */
  toCell(bucket: number, subject: string, groupKey: string): RollupCell {
    const hasLatest = this.latestValue !== null;
    return {
      bucket,
      subject,
      groupKey,
      count: this.count,
      sum: this.sum === null ? null : this.sum.value(),
      min: this.min,
      max: this.max,
      latestTime: hasLatest ? this.latestTime : null,
      latestSeq: hasLatest ? this.latestSeq : null,
      latestValue: this.latestValue,
    };
  }

  /**
   * The meter's value: COUNT the number of events; SUM the exact sum; AVG sum ÷ count (50
   * significant digits when it does not terminate); MIN, MAX, LATEST the value. `undefined` when
   * nothing was counted (no row).
   */
  result(): string | undefined {
    if (this.count === 0) return undefined;
    switch (this.aggregation) {
      case 'COUNT':
        return String(this.count);
      case 'SUM':
        return formatExact(this.sum!.value());
      case 'AVG':
        return formatDecimal(this.sum!.toDecimal().div(new Dec(this.count)));
      case 'MIN':
        return this.min === null ? undefined : formatExact(this.min);
      case 'MAX':
        return this.max === null ? undefined : formatExact(this.max);
      case 'LATEST':
        return this.latestValue === null ? undefined : formatExact(this.latestValue);
      default:
        return undefined;
    }
  }
}
