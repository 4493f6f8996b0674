import { Dec, type Decimal } from '../money/decimal';
import { type ExactValue, fromDecimal } from './exact-value';

/**
 * An exact running sum. Safe integers are added as JS numbers (while the total stays safe); any
 * other value, or an integer total that would leave the safe range, moves the sum to a decimal.
 * Ten additions of `"0.1"` give exactly 1.
 */
export class ExactSum {
  private integer = 0;
  private decimal: Decimal | null = null;

  /** Adds one exact value. */
  add(v: ExactValue): void {
    if (typeof v === 'number') {
      const s = this.integer + v;
      if (Number.isSafeInteger(s)) {
        this.integer = s;
        return;
      }
    }
    this.decimal = (this.decimal ?? new Dec(0)).plus(v);
  }

  /** The sum as a decimal. */
  toDecimal(): Decimal {
    return this.decimal === null ? new Dec(this.integer) : this.decimal.plus(this.integer);
  }

  /** The sum in compact form. */
  value(): ExactValue {
    return this.decimal === null ? this.integer : fromDecimal(this.decimal.plus(this.integer));
  }
}
