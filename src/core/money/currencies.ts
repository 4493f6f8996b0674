import { ValidationError, type ValidationIssue } from '../../errors';

/**
 * Minor units (decimal places) of every active ISO 4217 currency (List One), by alphabetic code.
 *
 * Codes whose minor unit is "N.A." in the standard (XAG, XAU, XBA, XBB, XBC, XBD, XDR, XPD, XPT,
 * XSU, XTS, XUA, XXX) are left out: they cannot price anything. Withdrawn codes (List Three: ANG,
 * BGN, CUC, HRK, SLL, ZWL, ...) are left out too; register one as a custom currency if you still
 * need it. Includes the codes added recently: VED, SLE, ZWG (2024), XCG (2025), XAD (2025).
 */
export const ISO_4217_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  AED: 2, AFN: 2, ALL: 2, AMD: 2, AOA: 2, ARS: 2, AUD: 2, AWG: 2, AZN: 2,
  BAM: 2, BBD: 2, BDT: 2, BHD: 3, BIF: 0, BMD: 2, BND: 2, BOB: 2, BOV: 2, BRL: 2,
  BSD: 2, BTN: 2, BWP: 2, BYN: 2, BZD: 2,
  CAD: 2, CDF: 2, CHE: 2, CHF: 2, CHW: 2, CLF: 4, CLP: 0, CNY: 2, COP: 2, COU: 2,
  CRC: 2, CUP: 2, CVE: 2, CZK: 2,
  DJF: 0, DKK: 2, DOP: 2, DZD: 2,
  EGP: 2, ERN: 2, ETB: 2, EUR: 2,
  FJD: 2, FKP: 2,
  GBP: 2, GEL: 2, GHS: 2, GIP: 2, GMD: 2, GNF: 0, GTQ: 2, GYD: 2,
  HKD: 2, HNL: 2, HTG: 2, HUF: 2,
  IDR: 2, ILS: 2, INR: 2, IQD: 3, IRR: 2, ISK: 0,
  JMD: 2, JOD: 3, JPY: 0,
  KES: 2, KGS: 2, KHR: 2, KMF: 0, KPW: 2, KRW: 0, KWD: 3, KYD: 2, KZT: 2,
  LAK: 2, LBP: 2, LKR: 2, LRD: 2, LSL: 2, LYD: 3,
  MAD: 2, MDL: 2, MGA: 2, MKD: 2, MMK: 2, MNT: 2, MOP: 2, MRU: 2, MUR: 2, MVR: 2,
  MWK: 2, MXN: 2, MXV: 2, MYR: 2, MZN: 2,
  NAD: 2, NGN: 2, NIO: 2, NOK: 2, NPR: 2, NZD: 2,
  OMR: 3,
  PAB: 2, PEN: 2, PGK: 2, PHP: 2, PKR: 2, PLN: 2, PYG: 0,
  QAR: 2,
  RON: 2, RSD: 2, RUB: 2, RWF: 0,
  SAR: 2, SBD: 2, SCR: 2, SDG: 2, SEK: 2, SGD: 2, SHP: 2, SLE: 2, SOS: 2, SRD: 2,
  SSP: 2, STN: 2, SVC: 2, SYP: 2, SZL: 2,
  THB: 2, TJS: 2, TMT: 2, TND: 3, TOP: 2, TRY: 2, TTD: 2, TWD: 2, TZS: 2,
  UAH: 2, UGX: 0, USD: 2, USN: 2, UYI: 0, UYU: 2, UYW: 4, UZS: 2,
  VED: 2, VES: 2, VND: 0, VUV: 0,
  WST: 2,
  XAD: 2, XAF: 0, XCD: 2, XCG: 2, XOF: 0, XPF: 0,
  YER: 2,
  ZAR: 2, ZMW: 2, ZWG: 2,
});

/** A custom currency's definition: its number of decimal places. */
export interface CustomCurrency {
  /** Decimal places of the currency's smallest unit, an integer from 0 to 18. */
  precision: number;
}

/** The shape a custom currency code must have: an uppercase letter, then up to 31 of A-Z, 0-9, `_`. */
export const CURRENCY_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,31}$/;

/** Largest precision a custom currency may declare. */
export const MAX_CURRENCY_PRECISION = 18;

/**
 * The currencies an instance of Tollgate knows: every ISO 4217 currency with its minor units, plus
 * the custom currencies (credits, tokens, ...) given to the constructor. Immutable once built.
 *
 * @example
 * const currencies = new CurrencyRegistry({ CREDITS: { precision: 4 } });
 * currencies.precision('USD');     // 2
 * currencies.precision('CREDITS'); // 4
 * currencies.precision('usd');     // throws ValidationError (code 'unknown_currency')
 */
export class CurrencyRegistry {
  readonly #precisions: ReadonlyMap<string, number>;

  /**
   * @param custom - custom currencies by code. A code must match `^[A-Z][A-Z0-9_]{0,31}$` and its
   * precision be an integer from 0 to 18. An ISO code may be repeated with its own precision, not
   * with another one.
   * @throws ValidationError listing every bad entry, with paths `currencies.<CODE>` (bad code or
   * entry) and `currencies.<CODE>.precision` (bad precision, or a conflict with ISO 4217).
   */
  constructor(custom?: Readonly<Record<string, CustomCurrency>>) {
    const precisions = new Map<string, number>(Object.entries(ISO_4217_MINOR_UNITS));
    const issues: ValidationIssue[] = [];
    for (const [code, entry] of Object.entries(custom ?? {})) {
      const precision = checkCustomCurrency(code, entry as unknown, issues);
      if (precision !== undefined) precisions.set(code, precision);
    }
    if (issues.length > 0) throw new ValidationError(issues);
    this.#precisions = precisions;
  }

  /**
   * The number of decimal places of `code`'s minor unit (USD 2, JPY 0, BHD 3, CLF 4).
   * Codes are case-sensitive.
   * @param path - where the code sits in the caller's input, reported in the error.
   * @throws ValidationError (code `unknown_currency`) when the currency is not known.
   * @example
   * new CurrencyRegistry().precision('JPY'); // 0
   */
  precision(code: string, path = 'currency'): number {
    const precision = typeof code === 'string' ? this.#precisions.get(code) : undefined;
    if (precision !== undefined) return precision;
    throw ValidationError.single(path, 'unknown_currency', this.#unknownMessage(code));
  }

  /**
   * True when `code` is an ISO 4217 currency or a registered custom currency (case-sensitive).
   * @example
   * new CurrencyRegistry().has('EUR'); // true
   */
  has(code: string): boolean {
    return typeof code === 'string' && this.#precisions.has(code);
  }

  /**
   * Every known code, ISO and custom, sorted. A new array on each call.
   * @example
   * new CurrencyRegistry({ CREDITS: { precision: 4 } }).codes().includes('CREDITS'); // true
   */
  codes(): string[] {
    return [...this.#precisions.keys()].sort();
  }

  #unknownMessage(code: unknown): string {
    if (typeof code !== 'string') return `expected a currency code string, got ${describe(code)}`;
    const upper = code.toUpperCase();
    const hint = upper !== code && this.#precisions.has(upper) ? ` (codes are case-sensitive: did you mean ${upper}?)` : '';
    return `unknown currency ${JSON.stringify(code)}${hint}; use an ISO 4217 code or register a custom currency`;
  }
}

/** Validates one custom entry, pushing its problems to `issues`; returns its precision when valid. */
function checkCustomCurrency(code: string, entry: unknown, issues: ValidationIssue[]): number | undefined {
  const path = `currencies.${code}`;
  let valid = true;
  if (!CURRENCY_CODE_PATTERN.test(code)) {
    issues.push({
      path,
      code: 'invalid_currency_code',
      message: `currency code ${JSON.stringify(code)} must be an uppercase letter followed by up to 31 uppercase letters, digits or '_'`,
    });
    valid = false;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    issues.push({ path, code: 'invalid_type', message: `expected { precision: number }, got ${describe(entry)}` });
    return undefined;
  }
  const precision: unknown = (entry as { precision?: unknown }).precision;
  if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 0 || precision > MAX_CURRENCY_PRECISION) {
    issues.push({
      path: `${path}.precision`,
      code: 'invalid_precision',
      message: `precision must be an integer from 0 to ${MAX_CURRENCY_PRECISION}, got ${describe(precision)}`,
    });
    return undefined;
  }
  const iso = Object.hasOwn(ISO_4217_MINOR_UNITS, code) ? ISO_4217_MINOR_UNITS[code] : undefined;
  if (iso !== undefined && iso !== precision) {
    issues.push({
      path: `${path}.precision`,
      code: 'conflicts_with_iso',
      message: `${code} is an ISO 4217 currency with ${iso} decimal places; it cannot be registered with ${precision}`,
    });
    return undefined;
  }
  return valid ? precision : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value;
}
