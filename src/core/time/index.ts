/**
 * Tollgate's time core: instants, IANA time zones, ISO-8601 durations, calendar arithmetic,
 * recurrences (billing and usage periods) and meter windows. Pure: no I/O and no clock.
 */
export { toInstant, type Instant } from './instant';
export { assertTimeZone, toLocal, fromLocal, type LocalDateTime } from './time-zone';
export { parseDuration, parseInterval, formatDuration, isZeroDuration, type Duration } from './duration';
export { addDuration, addDurationMs, type AddDurationOptions } from './add-duration';
export { type Period } from './recurrence';
export { boundary, type BoundaryOptions } from './boundary';
export { periodAt, type PeriodAtOptions } from './period-at';
export { periods, MAX_PERIODS, type PeriodsOptions } from './periods';
export { startOfWindow, nextWindowStart, type WindowUnit } from './calendar-unit';
