/**
 * `tollgate/core`: the pure functions (money, time, pricing, burn-down). No storage, no clock:
 * time is always an argument.
 * @packageDocumentation
 */
export {
  type Decimal,
  parseDecimal,
  tryParseDecimal,
  parseNonNegativeDecimal,
  isDecimalString,
  formatDecimal,
  formatMoney,
  ISO_4217_MINOR_UNITS,
  CurrencyRegistry,
  type CustomCurrency,
  roundAmount,
  ROUNDING_MODES,
  type RoundingMode,
  allocateByLargestRemainder,
  splitEvenly,
} from './money';
export {
  toInstant,
  type Instant,
  assertTimeZone,
  parseDuration,
  parseInterval,
  formatDuration,
  type Duration,
  addDuration,
  type AddDurationOptions,
  type Period,
  boundary,
  type BoundaryOptions,
  periodAt,
  type PeriodAtOptions,
  periods,
  type PeriodsOptions,
  startOfWindow,
  nextWindowStart,
  type WindowUnit,
} from './time';
