import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { subscriptionTimeline, type TimelinePlan } from '../../../src/core/subscriptions';
import { d, launch, pro, span, spans, trial } from './fixtures';

const fulls = (list: ReadonlyArray<{ fullPeriod: { from: Date; to: Date } }>) => spans(list.map((p) => p.fullPeriod));

describe('subscriptionTimeline', () => {
  it('lays out plan, dates, phases with version-1 items, and billing periods (§1 shape)', () => {
    const t = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', activeTo: '2024-04-15' });
    expect(t).toMatchObject({
      currency: 'USD',
      billingCadence: 'P1M',
      billingAnchor: d('2024-01-01'),
      timeZone: 'UTC',
      activeFrom: d('2024-01-01'),
      activeTo: d('2024-04-15'),
    });
    expect(t.phases.map((p) => [p.key, p.name])).toEqual([
      ['intro', 'Intro'],
      ['default', undefined],
    ]);
    expect('name' in (t.phases[1] ?? {})).toBe(false);
    expect(t.phases[0]?.items).toEqual([
      { key: 'platform', version: 0, rateCard: launch.phases[0]?.rateCards[0], from: d('2024-01-01'), to: d('2024-03-01'), entitlementId: null },
      { key: 'api', version: 0, rateCard: launch.phases[0]?.rateCards[1], from: d('2024-01-01'), to: d('2024-03-01'), entitlementId: null },
    ]);
    expect(t.phases[1]?.items.map((i) => [i.key, i.from, i.to])).toEqual([
      ['platform', d('2024-03-01'), d('2024-04-15')],
      ['api', d('2024-03-01'), d('2024-04-15')],
    ]);
    expect(spans(t.billingPeriods)).toEqual([
      span('2024-01-01', '2024-02-01'),
      span('2024-02-01', '2024-03-01'),
      span('2024-03-01', '2024-04-01'),
      span('2024-04-01', '2024-04-15'),
    ]);
  });

  it('S8: pro from Jan 16 anchored Jan 1 — first period [Jan 16, Feb 1) of [Jan 1, Feb 1); without the anchor [Jan 16, Feb 16)', () => {
    const anchored = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-16', billingAnchor: '2024-01-01', to: '2024-02-02' });
    expect(spans(anchored.billingPeriods)).toEqual([span('2024-01-16', '2024-02-01'), span('2024-02-01', '2024-03-01')]);
    expect(fulls(anchored.billingPeriods)[0]).toBe(span('2024-01-01', '2024-02-01'));
    const plain = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-16', to: '2024-02-16' });
    expect(spans(plain.billingPeriods)).toEqual([span('2024-01-16', '2024-02-16')]);
  });

  it('S9: anchor on the 31st — boundaries Jan 31, Feb 29, Mar 31, Apr 30, May 31 (29, 31, 30, 31 days, all full)', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-31', to: '2024-05-31' });
    expect(t.billingPeriods.map((p) => p.from.toISOString().slice(0, 10))).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(t.billingPeriods.map((p) => (p.to.getTime() - p.from.getTime()) / 86_400_000)).toEqual([29, 31, 30, 31]);
    expect(fulls(t.billingPeriods)).toEqual(spans(t.billingPeriods));
  });

  it('S10: 31st anchor, start Feb 10 — [Feb 10, Feb 29) of [Jan 31, Feb 29), next Feb 29', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-02-10', billingAnchor: '2024-01-31', to: '2024-03-01' });
    expect(spans(t.billingPeriods)).toEqual([span('2024-02-10', '2024-02-29'), span('2024-02-29', '2024-03-31')]);
    expect(fulls(t.billingPeriods)[0]).toBe(span('2024-01-31', '2024-02-29'));
  });

  it('S11: anchor 2023-01-15 not moved — start 2024-03-03, first period [Mar 3, Mar 15) of [Feb 15, Mar 15)', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-03-03', billingAnchor: '2023-01-15', to: '2024-03-15' });
    expect(t.billingAnchor).toEqual(d('2023-01-15'));
    expect(spans(t.billingPeriods)).toEqual([span('2024-03-03', '2024-03-15')]);
    expect(fulls(t.billingPeriods)).toEqual([span('2024-02-15', '2024-03-15')]);
  });

  it('S12: New York — boundaries Apr 1 04:00Z, May 1 04:00Z', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-03-01T05:00:00Z', timeZone: 'America/New_York', to: '2024-05-01T04:00:00Z' });
    expect(t.timeZone).toBe('America/New_York');
    expect(spans(t.billingPeriods)).toEqual([span('2024-03-01T05:00:00Z', '2024-04-01T04:00:00Z'), span('2024-04-01T04:00:00Z', '2024-05-01T04:00:00Z')]);
  });

  it('S13: launch from Jan 1 — intro [Jan 1, Mar 1) on the grid, no cut', () => {
    const t = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', to: '2024-04-01' });
    expect(spans(t.phases)).toEqual([span('2024-01-01', '2024-03-01'), span('2024-03-01', null)]);
    expect(t.billingPeriods.map((p) => [p.phase, p.from.toISOString().slice(0, 10)])).toEqual([
      ['intro', '2024-01-01'],
      ['intro', '2024-02-01'],
      ['default', '2024-03-01'],
    ]);
  });

  it('S14: launch from Jan 10 anchored Jan 1 — [Jan 10, Feb 1) · [Feb 1, Mar 1) · [Mar 1, Mar 10) · [Mar 10, Apr 1) · [Apr 1, May 1)', () => {
    const t = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-10', billingAnchor: '2024-01-01', to: '2024-05-01' });
    expect(spans(t.phases)).toEqual([span('2024-01-10', '2024-03-10'), span('2024-03-10', null)]);
    expect(spans(t.billingPeriods)).toEqual([
      span('2024-01-10', '2024-02-01'),
      span('2024-02-01', '2024-03-01'),
      span('2024-03-01', '2024-03-10'),
      span('2024-03-10', '2024-04-01'),
      span('2024-04-01', '2024-05-01'),
    ]);
    expect(t.billingPeriods.map((p) => p.phase)).toEqual(['intro', 'intro', 'intro', 'default', 'default']);
    expect(fulls(t.billingPeriods)).toEqual([
      span('2024-01-01', '2024-02-01'),
      span('2024-02-01', '2024-03-01'),
      span('2024-03-01', '2024-04-01'),
      span('2024-03-01', '2024-04-01'),
      span('2024-04-01', '2024-05-01'),
    ]);
  });

  it('S15: phases a P1M, b P1M, c open from Jan 31 — b Feb 29, c Mar 31', () => {
    const plan: TimelinePlan = {
      currency: 'EUR',
      billingCadence: 'P1M',
      phases: [
        { key: 'a', duration: 'P1M', rateCards: [] },
        { key: 'b', duration: 'P1M', rateCards: [] },
        { key: 'c', rateCards: [] },
      ],
    };
    const t = subscriptionTimeline({ plan, activeFrom: '2024-01-31', to: '2024-04-01' });
    expect(t.phases.map((p) => p.from.toISOString().slice(0, 10))).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('S16: trial P14D from Jan 1 — a 14-day trial, then [Jan 15, Feb 1) cut from January', () => {
    const t = subscriptionTimeline({ plan: trial, activeFrom: '2024-01-01', to: '2024-03-01' });
    expect(spans(t.phases)).toEqual([span('2024-01-01', '2024-01-15'), span('2024-01-15', null)]);
    expect(t.billingPeriods.map((p) => [p.phase, p.from.toISOString().slice(0, 10), p.to.toISOString().slice(0, 10)])).toEqual([
      ['trial', '2024-01-01', '2024-01-15'],
      ['default', '2024-01-15', '2024-02-01'],
      ['default', '2024-02-01', '2024-03-01'],
    ]);
  });

  it('S17: trial anchored at its end ({phaseStart: default}) — anchor Jan 15, periods on the 15th', () => {
    const t = subscriptionTimeline({ plan: trial, activeFrom: '2024-01-01', billingAnchor: { phaseStart: 'default' }, to: '2024-03-01' });
    expect(t.billingAnchor).toEqual(d('2024-01-15'));
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-01-15'), span('2024-01-15', '2024-02-15'), span('2024-02-15', '2024-03-15')]);
    expect(fulls(t.billingPeriods)[0]).toBe(span('2023-12-15', '2024-01-15'));
  });

  it('S25: canceled at Feb 1 — phases and items end at activeTo, no period after', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', activeTo: '2024-02-01' });
    expect(spans(t.phases)).toEqual([span('2024-01-01', '2024-02-01')]);
    expect(t.phases[0]?.items.every((i) => i.to?.getTime() === d('2024-02-01').getTime())).toBe(true);
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-02-01')]);
  });

  it('S28: canceled at a future instant — the last period is cut there', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', activeTo: '2024-01-20T12:00:00Z' });
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-01-20T12:00:00Z')]);
    expect(fulls(t.billingPeriods)).toEqual([span('2024-01-01', '2024-02-01')]);
  });

  it('a cancel inside the trial drops the default phase', () => {
    const t = subscriptionTimeline({ plan: trial, activeFrom: '2024-01-01', activeTo: '2024-01-10' });
    expect(t.phases.map((p) => p.key)).toEqual(['trial']);
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-01', '2024-01-10')]);
  });

  it('startingPhase skips the trial; the default phase starts at activeFrom', () => {
    const t = subscriptionTimeline({ plan: trial, activeFrom: '2024-01-05', startingPhase: 'default', to: '2024-02-05' });
    expect(t.phases.map((p) => [p.key, p.from.toISOString().slice(0, 10)])).toEqual([['default', '2024-01-05']]);
    expect(spans(t.billingPeriods)).toEqual([span('2024-01-05', '2024-02-05')]);
  });

  it('from/to select the overlapping billing periods; phases are all listed', () => {
    const t = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-01', from: '2024-05-10', to: '2024-06-01' });
    expect(spans(t.billingPeriods)).toEqual([span('2024-05-01', '2024-06-01')]);
    expect(t.phases).toHaveLength(2);
  });

  it.each([
    [{ plan: pro, activeFrom: '2024-01-01' }, 'to:range_required'],
    [{ plan: pro, activeFrom: '2024-01-01', activeTo: '2023-01-01' }, 'activeTo:invalid_range'],
    [{ plan: trial, activeFrom: '2024-01-01', billingAnchor: { phaseStart: 'nope' }, to: '2024-02-01' }, 'billingAnchor.phaseStart:unknown_phase'],
    [{ plan: trial, activeFrom: '2024-01-01', startingPhase: 'nope', to: '2024-02-01' }, 'startingPhase:unknown_phase'],
    [{ plan: trial, activeFrom: '2024-01-01', startingPhase: 'default', billingAnchor: { phaseStart: 'trial' }, to: '2024-02-01' }, 'billingAnchor.phaseStart:unknown_phase'],
    [{ plan: { ...pro, billingCadence: 'monthly' }, activeFrom: '2024-01-01', to: '2024-02-01' }, 'plan.billingCadence:invalid_duration'],
    [{ plan: pro, activeFrom: '2024-01-01', timeZone: 'Nowhere/Town', to: '2024-02-01' }, 'timeZone:invalid_time_zone'],
  ])('refuses bad input (%#) with %s', (input, expected) => {
    try {
      subscriptionTimeline(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const i = (e as ValidationError).issues[0];
      expect(`${i?.path}:${i?.code}`).toBe(expected);
    }
  });
});
