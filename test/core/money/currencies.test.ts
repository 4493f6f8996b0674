import { describe, it, expect } from 'vitest';
import {
  CURRENCY_CODE_PATTERN,
  CurrencyRegistry,
  ISO_4217_MINOR_UNITS,
  type CustomCurrency,
} from '../../../src/core/money/currencies';
import { validationErrorOf } from './helpers';

describe('ISO_4217_MINOR_UNITS', () => {
  it.each([
    ['USD', 2], ['EUR', 2], ['GBP', 2], ['CHF', 2], ['CNY', 2], ['INR', 2], ['IDR', 2], ['HUF', 2],
    ['JPY', 0], ['KRW', 0], ['CLP', 0], ['ISK', 0], ['VND', 0], ['UGX', 0], ['PYG', 0], ['RWF', 0],
    ['XAF', 0], ['XOF', 0], ['XPF', 0], ['BIF', 0], ['DJF', 0], ['GNF', 0], ['KMF', 0], ['VUV', 0], ['UYI', 0],
    ['BHD', 3], ['KWD', 3], ['JOD', 3], ['OMR', 3], ['TND', 3], ['LYD', 3], ['IQD', 3],
    ['CLF', 4], ['UYW', 4],
    ['MGA', 2], ['MRU', 2],
    ['VED', 2], ['VES', 2], ['SLE', 2], ['ZWG', 2], ['XCG', 2], ['XAD', 2],
  ] as const)('%s has %i minor units', (code, units) => {
    expect(ISO_4217_MINOR_UNITS[code]).toBe(units);
  });

  it.each(['XAU', 'XAG', 'XPT', 'XPD', 'XDR', 'XXX', 'XTS', 'XSU', 'XUA', 'XBA', 'XBB', 'XBC', 'XBD'])(
    'leaves out %s (minor unit N.A.)',
    (code) => {
      expect(Object.hasOwn(ISO_4217_MINOR_UNITS, code)).toBe(false);
    },
  );

  it.each(['ANG', 'BGN', 'CUC', 'HRK', 'SLL', 'ZWL', 'VEF', 'LTL'])('leaves out the withdrawn code %s', (code) => {
    expect(Object.hasOwn(ISO_4217_MINOR_UNITS, code)).toBe(false);
  });

  it('holds the 165 active codes with a numeric minor unit, each a valid 0..4', () => {
    const entries = Object.entries(ISO_4217_MINOR_UNITS);
    expect(entries).toHaveLength(165);
    for (const [code, units] of entries) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(units);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ISO_4217_MINOR_UNITS)).toBe(true);
  });
});

describe('CurrencyRegistry', () => {
  const registry = new CurrencyRegistry();

  it.each([
    ['USD', 2], ['EUR', 2], ['JPY', 0], ['BHD', 3], ['CLF', 4], ['KWD', 3], ['ISK', 0], ['UYW', 4],
  ] as const)('knows %s with precision %i', (code, precision) => {
    expect(registry.precision(code)).toBe(precision);
    expect(registry.has(code)).toBe(true);
  });

  it.each(['XYZ', 'usd', 'Usd', '', 'XAU', 'CREDITS', 'toString', '__proto__', 'constructor', 'BGN'])(
    'rejects the unknown currency %j',
    (code) => {
      expect(registry.has(code)).toBe(false);
      const error = validationErrorOf(() => registry.precision(code, 'plan.currency'));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ path: 'plan.currency', code: 'unknown_currency' });
    },
  );

  it("reports the default path 'currency' and hints at case", () => {
    const error = validationErrorOf(() => registry.precision('usd'));
    expect(error.issues[0]?.path).toBe('currency');
    expect(error.issues[0]?.message).toContain('USD');
  });

  it('rejects a non-string code without crashing', () => {
    const error = validationErrorOf(() => registry.precision(42 as unknown as string));
    expect(error.issues[0]?.code).toBe('unknown_currency');
    expect(registry.has(null as unknown as string)).toBe(false);
  });

  it('lists every ISO code, sorted', () => {
    const codes = registry.codes();
    expect(codes).toEqual(Object.keys(ISO_4217_MINOR_UNITS).sort());
    codes.push('MUTATED');
    expect(registry.has('MUTATED')).toBe(false);
    expect(registry.codes()).not.toContain('MUTATED');
  });

  describe('custom currencies', () => {
    it('registers CREDITS with precision 4 next to the ISO codes', () => {
      const withCredits = new CurrencyRegistry({ CREDITS: { precision: 4 } });
      expect(withCredits.precision('CREDITS')).toBe(4);
      expect(withCredits.has('CREDITS')).toBe(true);
      expect(withCredits.precision('USD')).toBe(2);
      expect(withCredits.codes()).toContain('CREDITS');
      expect(withCredits.codes()).toHaveLength(166);
      // Other registries are not affected.
      expect(new CurrencyRegistry().has('CREDITS')).toBe(false);
    });

    it.each([
      ['TOKENS', 0],
      ['GPU_SECONDS', 18],
      ['A', 6],
      ['X1', 2],
      [`A${'B'.repeat(31)}`, 3],
      ['BGN', 2],
    ] as const)('accepts %s with precision %i', (code, precision) => {
      expect(new CurrencyRegistry({ [code]: { precision } }).precision(code)).toBe(precision);
    });

    it.each([['USD', 2], ['JPY', 0], ['BHD', 3]] as const)('accepts the ISO code %s with its own precision %i', (code, precision) => {
      expect(new CurrencyRegistry({ [code]: { precision } }).precision(code)).toBe(precision);
    });

    it.each([['USD', 3], ['JPY', 2], ['BHD', 2], ['CLF', 2]] as const)(
      'rejects the ISO code %s with another precision (%i)',
      (code, precision) => {
        const error = validationErrorOf(() => new CurrencyRegistry({ [code]: { precision } }));
        expect(error.issues).toEqual([
          expect.objectContaining({ path: `currencies.${code}.precision`, code: 'conflicts_with_iso' }),
        ]);
      },
    );

    it.each(['credits', '1CREDIT', '_X', 'CRE DITS', 'CRÉDITS', 'CREDITS-1', '', `A${'B'.repeat(32)}`])(
      'rejects the code %j',
      (code) => {
        expect(CURRENCY_CODE_PATTERN.test(code)).toBe(false);
        const error = validationErrorOf(() => new CurrencyRegistry({ [code]: { precision: 2 } }));
        expect(error.issues).toEqual([
          expect.objectContaining({ path: `currencies.${code}`, code: 'invalid_currency_code' }),
        ]);
      },
    );

    it.each([[-1], [19], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['2'], [null], [undefined]])(
      'rejects the precision %j',
      (precision) => {
        const error = validationErrorOf(
          () => new CurrencyRegistry({ CREDITS: { precision } as unknown as CustomCurrency }),
        );
        expect(error.issues).toEqual([
          expect.objectContaining({ path: 'currencies.CREDITS.precision', code: 'invalid_precision' }),
        ]);
      },
    );

    it.each([[null], [4], ['4'], [[4]]])('rejects the entry %j', (entry) => {
      const error = validationErrorOf(
        () => new CurrencyRegistry({ CREDITS: entry as unknown as CustomCurrency }),
      );
      expect(error.issues).toEqual([expect.objectContaining({ path: 'currencies.CREDITS', code: 'invalid_type' })]);
    });

    it('lists every bad entry at once', () => {
      const error = validationErrorOf(
        () =>
          new CurrencyRegistry({
            CREDITS: { precision: 4 },
            tokens: { precision: 0 },
            USD: { precision: 3 },
            MINUTES: { precision: 19 },
            bad: { precision: -1 },
          }),
      );
      expect(error.issues.map((i) => [i.path, i.code])).toEqual([
        ['currencies.tokens', 'invalid_currency_code'],
        ['currencies.USD.precision', 'conflicts_with_iso'],
        ['currencies.MINUTES.precision', 'invalid_precision'],
        ['currencies.bad', 'invalid_currency_code'],
        ['currencies.bad.precision', 'invalid_precision'],
      ]);
      expect(error.message).toContain('currencies.USD.precision');
    });

    it('accepts no custom currencies', () => {
      expect(new CurrencyRegistry({}).codes()).toEqual(new CurrencyRegistry().codes());
    });
  });
});
