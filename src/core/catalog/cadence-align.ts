import { parseIntervalCached } from '../time/internal';

/** Month lengths in days and day lengths in hours a calendar cadence may take (SB15). */
const MONTH_DAYS = [28, 29, 30, 31] as const;
const DAY_HOURS = [23, 24, 25] as const;

/** Length in seconds of a duration if every month had `monthDays` days and every day `dayHours` hours. */
function lengthSeconds(iso: string, path: string, monthDays: number, dayHours: number): number {
  const d = parseIntervalCached(iso, path);
  const months = d.years * 12 + d.months;
  const days = months * monthDays + d.weeks * 7 + d.days;
  return days * dayHours * 3600 + (d.hours * 60 + d.minutes) * 60 + d.seconds;
}

/**
 * Whether a rate card's billing cadence aligns with its plan's (BILLING.md SB15): the two are equal,
 * or one divides the other whatever the calendar does, i.e. for every month length of 28–31 days
 * and every day length of 23–25 hours (DST). A year is 12 months, a week 7 days. So a P1M plan takes
 * P1D, P3M or P1Y cards, but not P1W (29 days is not whole weeks) nor P3D (31 days); PT24H on a P1D
 * plan is refused too (a 23-hour day). Callers turn `false` into ValidationError `cadence_unaligned`.
 *
 * Why every combination and not an average: a boundary of the shorter cadence must fall on every
 * boundary of the longer one in every month of every zone, or an item's periods straddle the plan's.
 *
 * @param planCadence - the plan's billing cadence, a non-zero ISO-8601 duration (path `planCadence`).
 * @param rateCardCadence - the rate card's cadence (path `rateCardCadence`).
 * @throws {@link ValidationError} `invalid_duration` or `invalid_interval` for a bad cadence.
 * @example
 * cadencesAlign('P1M', 'P1Y'); // true
 * cadencesAlign('P1M', 'P1W'); // false
 */
export function cadencesAlign(planCadence: string, rateCardCadence: string): boolean {
  parseIntervalCached(planCadence, 'planCadence');
  parseIntervalCached(rateCardCadence, 'rateCardCadence');
  if (planCadence === rateCardCadence) return true;
  for (const monthDays of MONTH_DAYS) {
    for (const dayHours of DAY_HOURS) {
      const a = lengthSeconds(planCadence, 'planCadence', monthDays, dayHours);
      const b = lengthSeconds(rateCardCadence, 'rateCardCadence', monthDays, dayHours);
      if (a % b !== 0 && b % a !== 0) return false;
    }
  }
  return true;
}
