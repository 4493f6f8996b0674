import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { cadencesAlign } from '../../../src/core/subscriptions';

describe('cadencesAlign (SB15)', () => {
  it.each([
    // the examples of SB15
    ['P1Y', 'P1M', true],
    ['P1Y', 'P3M', true],
    ['P1M', 'P1D', true],
    ['P4W', 'P1W', true],
    ['P1M', 'P1W', false],
    ['P1M', 'P3D', false],
    ['P1Y', 'P5M', false],
    // equal, and either order
    ['P1M', 'P1M', true],
    ['P1M', 'P1Y', true],
    ['P1W', 'P4W', true],
    ['P1W', 'P1M', false],
    ['P12M', 'P1Y', true],
    ['P7D', 'P1W', true],
    ['P2M', 'P3M', false],
    ['P1Y', 'P6M', true],
    ['P1M', 'P2D', false],
    ['P1D', 'PT1H', true],
    ['P1D', 'PT2H', false],
    ['P1D', 'PT24H', false],
    ['PT24H', 'PT1H', true],
    ['P1W', 'P1D', true],
    ['P1M', 'PT1H', true],
    ['P1M', 'PT1M', true],
    ['P1M', 'PT7S', false],
  ])('%s with %s → %s', (plan, card, expected) => {
    expect(cadencesAlign(plan, card)).toBe(expected);
  });

  it('S22: a P1W card on a P1M plan is unaligned; P1D, P3M and P1Y are accepted', () => {
    expect(cadencesAlign('P1M', 'P1W')).toBe(false);
    for (const c of ['P1D', 'P3M', 'P1Y']) expect(cadencesAlign('P1M', c)).toBe(true);
  });

  it('refuses a bad cadence with the path of the argument', () => {
    expect(() => cadencesAlign('P1X', 'P1M')).toThrow(ValidationError);
    try {
      cadencesAlign('P1M', 'P0D');
    } catch (e) {
      expect((e as ValidationError).issues[0]).toMatchObject({ path: 'rateCardCadence', code: 'invalid_interval' });
    }
    expect.assertions(2);
  });
});
