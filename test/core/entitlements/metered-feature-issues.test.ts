import { describe, expect, it } from 'vitest';
import { meteredFeatureIssues, type MeteredFeatureFacts } from '../../../src/core/entitlements';
import type { ValidationIssue } from '../../../src/errors';
import type { Aggregation } from '../../../src/core/metering';

type Row = [name: string, facts: MeteredFeatureFacts, issues: ValidationIssue[]];

const facts = (meterKey: string | null, aggregation?: Aggregation): MeteredFeatureFacts => ({
  featureKey: 'tokens',
  meterKey,
  meter: aggregation === undefined ? undefined : { key: meterKey ?? 'm', aggregation },
});

describe('meteredFeatureIssues', () => {
  it.each<Row>([
    // [case, facts, expected issues]
    ['SUM meter: no issue', facts('llm', 'SUM'), []],
    ['COUNT meter: no issue', facts('llm', 'COUNT'), []],
    ['LATEST meter: no issue', facts('llm', 'LATEST'), []],
    ['feature without a meter', facts(null), [{ path: 'feature', code: 'not_metered', message: 'Feature tokens has no meter: a metered entitlement needs one' }]],
    ['meter key set but the meter is gone', facts('llm'), [{ path: 'feature', code: 'unknown_meter', message: 'Meter llm does not exist' }]],
    ...(['UNIQUE_COUNT', 'AVG', 'MIN', 'MAX'] as const).map((a): Row => [
      `${a} meter cannot burn down`,
      facts('llm', a),
      [{ path: 'feature', code: 'unsupported_aggregation', message: `Meter llm aggregates with ${a}; metered entitlements burn SUM, COUNT or LATEST` }],
    ]),
  ])('%s', (_case, input, expected) => {
    expect(meteredFeatureIssues(input)).toEqual(expected);
  });

  it('a null meterKey wins over a meter object passed along (not_metered, not checked further)', () => {
    expect(meteredFeatureIssues({ featureKey: 'f', meterKey: null, meter: { key: 'm', aggregation: 'AVG' } }).map((i) => i.code)).toEqual(['not_metered']);
  });
});
