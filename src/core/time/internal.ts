/**
 * Hot-path helpers of the time core for other Tollgate modules (meters, entitlements, billing).
 * Not part of the public API: they skip validation or return shared objects.
 * @internal
 */
export { toEpochMs } from './instant';
export { parseDurationCached, parseIntervalCached, checkDuration } from './duration';
export { addDurationMs } from './add-duration';
export { Recurrence, boundaryDate } from './recurrence';
export { offsetAt, instantToWall, wallToInstant, possibleInstants, isUtcZone, ensureZone } from './zone';
export { addWallDays, addWallMonths, startOfWallDay, startOfWallMonth } from './wall-clock';
export { wallToLocal, localToWall } from './time-zone';
export {
  MS_PER_SECOND,
  MS_PER_MINUTE,
  MS_PER_HOUR,
  MS_PER_DAY,
  MAX_EPOCH_MS,
  isValidEpochMs,
  isLeapYear,
  daysInMonth,
  daysFromCivil,
} from './civil';
