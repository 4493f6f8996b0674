import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors';
import { phaseStarts, resolveBillingAnchor } from '../../../src/core/subscriptions';
import { d, trial } from './fixtures';

const phases = phaseStarts(trial.phases, { activeFrom: '2024-01-01' });

describe('resolveBillingAnchor (SB3)', () => {
  it.each([
    [undefined, '2024-01-01'],
    ['2023-01-15', '2023-01-15'], // S11: stored as given, never normalised
    [d('2024-01-31'), '2024-01-31'],
    ['2024-03-01T00:00:00-05:00', '2024-03-01T05:00:00Z'],
    [{ phaseStart: 'trial' }, '2024-01-01'],
    [{ phaseStart: 'default' }, '2024-01-15'], // S17
  ])('%j → %s', (anchor, expected) => {
    expect(resolveBillingAnchor(anchor, { activeFrom: '2024-01-01', phases }).toISOString()).toBe(d(expected).toISOString());
  });

  it('an unknown phase → ValidationError unknown_phase', () => {
    try {
      resolveBillingAnchor({ phaseStart: 'gold' }, { activeFrom: '2024-01-01', phases });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]).toMatchObject({ path: 'billingAnchor.phaseStart', code: 'unknown_phase' });
    }
  });

  it('a bad instant → invalid_instant at billingAnchor', () => {
    expect(() => resolveBillingAnchor('soon', { activeFrom: '2024-01-01', phases })).toThrow(/billingAnchor/);
  });

  it('returns a copy, not the phase start itself', () => {
    const a = resolveBillingAnchor({ phaseStart: 'trial' }, { activeFrom: '2024-01-01', phases });
    expect(a).not.toBe(phases[0]?.from);
  });
});
