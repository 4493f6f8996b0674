import { describe, expect, it } from 'vitest';
import { compileGroupFilter, eventQuantity, type QuantityEvent } from '../../../src/core/entitlements';
import { compileMeter } from '../../../src/core/metering';

const sum = compileMeter({ id: 'mtr_s', key: 'tokens', eventType: 'llm', aggregation: 'SUM', valueProperty: '$.n', groupBy: { model: '$.model' } });
const count = compileMeter({ id: 'mtr_c', key: 'calls', eventType: 'call', aggregation: 'COUNT', valueProperty: null, groupBy: {} });
const all = () => true;
const gptOnly = compileGroupFilter(sum.dimensions, { model: 'gpt' });
const ev = (type: string, data: Record<string, unknown> | null): QuantityEvent => ({ type, subject: 'acme', timeMs: 0, seq: 0, data });

describe('eventQuantity', () => {
  it.each([
    // [case, meter, event, filter, expected]
    ['COUNT: 1 per event', count, ev('call', null), all, '1'],
    ['COUNT: another event type adds nothing', count, ev('other', null), all, '0'],
    ['SUM: the value read', sum, ev('llm', { n: 812, model: 'gpt' }), all, '812'],
    ['SUM: exact decimals', sum, ev('llm', { n: '0.1', model: 'gpt' }), all, '0.1'],
    ['SUM: a negative value (a refund)', sum, ev('llm', { n: -5, model: 'gpt' }), all, '-5'],
    ['SUM: a value the meter cannot read adds nothing', sum, ev('llm', { n: 'lots', model: 'gpt' }), all, '0'],
    ['SUM: no value adds nothing', sum, ev('llm', { model: 'gpt' }), all, '0'],
    ['SUM: kept by the feature group filter', sum, ev('llm', { n: 3, model: 'gpt' }), gptOnly, '3'],
    ['SUM: left out by the feature group filter', sum, ev('llm', { n: 3, model: 'llama' }), gptOnly, '0'],
    ['SUM: another event type adds nothing', sum, ev('call', { n: 3, model: 'gpt' }), all, '0'],
  ] as const)('%s', (_case, meter, event, filter, expected) => {
    expect(eventQuantity(meter, event, filter)).toBe(expected);
  });
});
