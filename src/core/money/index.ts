/**
 * Money core: exact decimals, parsing and canonical formatting, ISO 4217 minor units and custom
 * currencies, rounding to minor units, and exact allocation of amounts.
 * @packageDocumentation
 */
export { Dec, ZERO, ONE, isDecimal, type Decimal } from './decimal';
export { parseDecimal, tryParseDecimal, parseNonNegativeDecimal, isDecimalString } from './parse';
export { formatDecimal, formatMoney } from './format';
export {
  ISO_4217_MINOR_UNITS,
  CURRENCY_CODE_PATTERN,
  MAX_CURRENCY_PRECISION,
  CurrencyRegistry,
  type CustomCurrency,
} from './currencies';
export { roundAmount, ROUNDING_MODES, type RoundingMode } from './rounding';
export { allocateByLargestRemainder, splitEvenly } from './allocate';
