import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money';
import { applyCoupon } from '../../../src/core/invoice/coupon';
import { percentage } from '../../../src/core/invoice/percentage-discount';
import { decimalToMinorUnits, formatMinorUnits } from '../../../src/core/pricing/minor-units';

const usd = { precision: 2, rounding: 'half_up' } as const;
const d = (v: number | string) => decimalToMinorUnits(parseDecimal(v), 2);
const shares = (lines: ReturnType<typeof applyCoupon>) => lines.map((l) => (l === undefined ? null : formatMinorUnits(l.amount, 2)));
const pct = (v: number) => percentage(parseDecimal(v));

describe('applyCoupon', () => {
  it('a percentage coupon takes its share of every line, rounded per line', () => {
    expect(shares(applyCoupon({ key: 'P', percentage: pct(15) }, [d('10.10'), d('0.03'), d(0)], usd))).toEqual(['-1.52', null, null]);
  });

  it('an amount coupon is spread in proportion by largest remainder', () => {
    expect(shares(applyCoupon({ key: 'A', amount: parseDecimal(10) }, [d(49), d(50)], usd))).toEqual(['-4.95', '-5.05']);
    expect(shares(applyCoupon({ key: 'A', amount: parseDecimal(10) }, [d(10), d(10), d(10)], usd))).toEqual(['-3.34', '-3.33', '-3.33']);
  });

  it('an amount coupon never takes more than the lines hold', () => {
    expect(shares(applyCoupon({ key: 'A', amount: parseDecimal(100) }, [d(30), d(0), d(10)], usd))).toEqual(['-30.00', null, '-10.00']);
    expect(shares(applyCoupon({ key: 'A', amount: parseDecimal(100) }, [d(0), d(0)], usd))).toEqual([null, null]);
  });

  it('rounds the coupon amount to the minor units first', () => {
    expect(shares(applyCoupon({ key: 'A', amount: parseDecimal('1.005') }, [d(10)], usd))).toEqual(['-1.01']);
  });

  it('names its lines after the coupon', () => {
    expect(applyCoupon({ key: 'WELCOME', amount: parseDecimal(1) }, [d(5)], usd)[0]).toMatchObject({ name: 'Coupon WELCOME', category: 'discount' });
  });
});
