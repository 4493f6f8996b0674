import { describe, expect, it } from 'vitest';
import { meterTotal } from '../../../src/core/metering';

const rows = (...values: string[]): Array<{ value: string }> => values.map((value) => ({ value }));

describe('meterTotal', () => {
  it.each([
    // [case, values, total]
    ['no rows: "0"', [], '0'],
    ['one row: its value', ['42'], '42'],
    ['one decimal row: its value', ['0.125'], '0.125'],
    ['integers', ['1', '2', '39'], '42'],
    ['0.1 + 0.2 = 0.3 exactly', ['0.1', '0.2'], '0.3'],
    ['ten times 0.1 = 1', Array.from({ length: 10 }, () => '0.1'), '1'],
    ['past MAX_SAFE_INTEGER, exactly', ['9007199254740991', '1'], '9007199254740992'],
    ['large integers and a fraction', ['12345678901234567890', '0.5'], '12345678901234567890.5'],
    ['negatives', ['5', '-7.5'], '-2.5'],
    ['a sum of zero is "0" (no "-0")', ['-0.5', '0.5'], '0'],
    ['trailing zeros dropped from the sum', ['0.25', '0.25'], '0.5'],
  ] as const)('%s', (_case, values, expected) => {
    expect(meterTotal(rows(...values))).toBe(expected);
  });

  it('reads only value (extra row fields are ignored)', () => {
    const full = [
      { value: '1.5', windowStart: new Date(0), windowEnd: new Date(3_600_000), groupBy: { model: 'a' }, subject: 's1' },
      { value: '2.5', windowStart: new Date(3_600_000), windowEnd: new Date(7_200_000), groupBy: { model: 'b' }, subject: 's2' },
    ];
    expect(meterTotal(full)).toBe('4');
  });

});
