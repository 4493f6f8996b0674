import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  fromLocal,
  isZeroDuration,
  nextWindowStart,
  parseDuration,
  periodAt,
  periods,
  startOfWindow,
  toLocal,
  type Duration,
  type LocalDateTime,
  type WindowUnit,
} from '../../../src/core/time';
import { offsetAt } from '../../../src/core/time/internal';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Havana',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Tehran',
  'Africa/Casablanca',
];

const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(2100, 0, 1);
const DAY = 86_400_000;

/** Days (noon UTC) in 2017-2025 on which some zone's UTC offset changes, read from Intl directly. */
function offsetChangeDays(): number[] {
  const out: number[] = [];
  for (const z of ZONES) {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: z, timeZoneName: 'longOffset' });
    const offset = (t: number) => f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value;
    let previous = offset(Date.UTC(2017, 0, 1, 12));
    for (let t = Date.UTC(2017, 0, 2, 12); t < Date.UTC(2026, 0, 1); t += DAY) {
      const current = offset(t);
      if (current !== previous) out.push(t - DAY / 2);
      previous = current;
    }
  }
  return out;
}

const CHANGES = offsetChangeDays();
/** Any instant from 1970 to 2100, or (half the time) one within ±2 days of a DST change. */
const instant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([t, d]) => t + d),
);
const zone = fc.constantFrom(...ZONES);

/** A small component that is zero about half the time. */
const part = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max }));

const interval: fc.Arbitrary<Duration> = fc
  .record({
    years: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 2 })),
    months: part(14),
    weeks: part(3),
    days: part(40),
    hours: part(48),
    minutes: part(120),
    seconds: part(120),
  })
  .filter((d) => !isZeroDuration(d))
  // Keep periods long enough that a random range holds a manageable number of them.
  .filter((d) => approxMs(d) >= 60_000);

function approxMs(d: Duration): number {
  return (((d.years * 365.25 + d.months * 30.44 + d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
}

const startOf = (l: LocalDateTime, unit: WindowUnit): string => {
  const fields = [l.year, l.month, unit === 'MONTH' ? 1 : l.day, unit === 'MONTH' || unit === 'DAY' ? 0 : l.hour];
  return [...fields, unit === 'MINUTE' ? l.minute : 0].join('-');
};

describe('properties', () => {
  it('the DST-biased generator found the offset changes of the sample zones', () => {
    expect(CHANGES.length).toBeGreaterThan(60);
  });

  it('periodAt(at) contains at, and its ends are boundaries of the same recurrence', () => {
    fc.assert(
      fc.property(instant, interval, instant, zone, (anchor, d, at, timeZone) => {
        const text = formatDuration(d);
        const p = periodAt(new Date(anchor), text, new Date(at), { timeZone });
        expect(p.from.getTime()).toBeLessThanOrEqual(at);
        expect(p.to.getTime()).toBeGreaterThan(at);
        expect(periodAt(new Date(anchor), text, p.from, { timeZone }).from.getTime()).toBe(p.from.getTime());
        expect(periodAt(new Date(anchor), text, p.to, { timeZone }).from.getTime()).toBe(p.to.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('periods() tile [from, to) without gaps or overlaps and agree with periodAt', () => {
    fc.assert(
      fc.property(
        instant,
        interval,
        instant,
        fc.double({ min: 0, max: 25, noNaN: true }),
        zone,
        (anchor, d, from, spans, timeZone) => {
          const text = formatDuration(d);
          const to = from + Math.floor(spans * approxMs(d));
          const list = periods(new Date(anchor), text, { from: new Date(from), to: new Date(to), timeZone });
          if (to === from) {
            expect(list).toEqual([]);
            return;
          }
          expect(list.length).toBeGreaterThan(0);
          const first = list[0]!;
          const last = list[list.length - 1]!;
          expect(first.from.getTime()).toBeLessThanOrEqual(from);
          expect(first.to.getTime()).toBeGreaterThan(from);
          expect(last.from.getTime()).toBeLessThan(to);
          expect(last.to.getTime()).toBeGreaterThanOrEqual(to);
          for (let i = 0; i < list.length; i += 1) {
            const p = list[i]!;
            expect(p.to.getTime()).toBeGreaterThan(p.from.getTime());
            if (i > 0) expect(p.from.getTime()).toBe(list[i - 1]!.to.getTime());
          }
          const mid = list[Math.floor(list.length / 2)]!;
          const again = periodAt(new Date(anchor), text, mid.from, { timeZone });
          expect([again.from.getTime(), again.to.getTime()]).toEqual([mid.from.getTime(), mid.to.getTime()]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('windows contain their instants, tile, and share one local label', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom<WindowUnit>('MINUTE', 'HOUR', 'DAY', 'MONTH'), zone, (at, unit, timeZone) => {
        const start = startOfWindow(at, unit, timeZone);
        const next = nextWindowStart(start, unit, timeZone);
        expect(start).toBeLessThanOrEqual(at);
        expect(next).toBeGreaterThan(at);
        expect(startOfWindow(start, unit, timeZone)).toBe(start);
        expect(startOfWindow(next - 1, unit, timeZone)).toBe(start);
        expect(startOfWindow(next, unit, timeZone)).toBe(next);
        expect(startOf(toLocal(start, timeZone), unit)).toBe(startOf(toLocal(at, timeZone), unit));
        expect(startOf(toLocal(next - 1, timeZone), unit)).toBe(startOf(toLocal(at, timeZone), unit));
        if (unit === 'MINUTE' || unit === 'HOUR') {
          // Exact elapsed time: at most a minute or an hour, and a new window starts on a new local
          // minute or hour, or where the offset changes (a repeated hour is a window of its own).
          expect(next - start).toBeLessThanOrEqual(unit === 'MINUTE' ? 60_000 : 3_600_000);
          const newLabel = startOf(toLocal(next, timeZone), unit) !== startOf(toLocal(at, timeZone), unit);
          expect(newLabel || offsetAt(next, timeZone) !== offsetAt(next - 1, timeZone)).toBe(true);
        } else {
          expect(startOf(toLocal(next, timeZone), unit)).not.toBe(startOf(toLocal(at, timeZone), unit));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('fromLocal(toLocal(t)) is t or an earlier instant with the same wall time', () => {
    fc.assert(
      fc.property(instant, zone, (t, timeZone) => {
        const local = toLocal(t, timeZone);
        const back = fromLocal(local, timeZone);
        expect(back).toBeLessThanOrEqual(t);
        expect(toLocal(back, timeZone)).toEqual(local);
      }),
      { numRuns: 500 },
    );
  });

  it('formatDuration and parseDuration round-trip', () => {
    fc.assert(
      fc.property(interval, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d);
      }),
    );
  });
});
