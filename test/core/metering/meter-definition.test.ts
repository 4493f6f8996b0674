import { describe, expect, it } from 'vitest';
import { compileMeter, ignoredBy, readMeterValue, compileJsonPath, toGroupValue, encodeGroupKey, decodeGroupKey } from '../../../src/core/metering';
import { ValidationError } from '../../../src/errors';

const spec = { id: 'mtr_1', key: 'tokens', eventType: 'llm', aggregation: 'SUM' as const, valueProperty: '$.n', groupBy: { region: '$.r', model: '$.m' } };

describe('group values', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['gpt', 'gpt'],
    ['', ''],
    [5, '5'],
    [1.5, '1.5'],
    [true, 'true'],
    [{ a: 1 }, '{"a":1}'],
    [[1, 'x'], '[1,"x"]'],
  ])('%j groups as %j', (raw, expected) => {
    expect(toGroupValue(raw)).toBe(expected);
  });

  it('encodes keys as JSON arrays, round trip', () => {
    const values = ['a"b', null, 'é', ''];
    expect(encodeGroupKey(values)).toBe(JSON.stringify(values));
    expect(decodeGroupKey(encodeGroupKey(values))).toEqual(values);
  });
});

describe('readMeterValue', () => {
  const p = compileJsonPath('$.v');
  it('UNIQUE_COUNT counts strings only', () => {
    expect(readMeterValue('UNIQUE_COUNT', p, { v: 'Ann' })).toEqual({ counted: true, value: 'Ann' });
    expect(readMeterValue('UNIQUE_COUNT', p, { v: 5 })).toEqual({ counted: false, reason: '$.v is the number 5, not a string' });
    expect(readMeterValue('UNIQUE_COUNT', p, {})).toEqual({ counted: false, reason: '$.v is missing' });
    expect(readMeterValue('UNIQUE_COUNT', p, { v: 'a\u0000b' })).toEqual({ counted: false, reason: '$.v contains a NUL character' });
    expect(compileMeter({ ...spec, aggregation: 'UNIQUE_COUNT' }).valueOf({ n: 'a\u0000b' })).toBeUndefined();
  });
  it('numeric aggregations need a number or a decimal string', () => {
    expect(readMeterValue('MAX', p, { v: '-2.50' })).toEqual({ counted: true, value: '-2.5' });
    expect(readMeterValue('AVG', p, { v: { x: 1 } })).toMatchObject({ counted: false, reason: '$.v is an object, not a number or decimal string' });
    expect(readMeterValue('LATEST', p, { v: [] })).toMatchObject({ reason: '$.v is an array, not a number or decimal string' });
  });
  it('COUNT ignores its value property', () => {
    expect(readMeterValue('COUNT', p, { v: 'x' })).toEqual({ counted: true, value: null });
  });
});

describe('compileMeter', () => {
  it('reads the value and the group key in sorted dimension order', () => {
    const meter = compileMeter(spec);
    expect(meter.dimensions).toEqual(['model', 'region']);
    expect(meter.read({ n: 5, r: 'eu', m: 7 })).toEqual({ counted: true, value: 5, groupKey: '["7","eu"]' });
    expect(meter.read({ n: 5 })).toEqual({ counted: true, value: 5, groupKey: '[null,null]' });
    expect(meter.read(null)).toEqual({ counted: false, reason: '$.n is missing', groupKey: '' });
  });

  it('names the field of a bad path', () => {
    expect(() => compileMeter({ ...spec, groupBy: { model: 'm' } })).toThrow(ValidationError);
    try {
      compileMeter({ ...spec, valueProperty: '$..n' });
    } catch (error) {
      expect((error as ValidationError).issues[0]?.path).toBe('valueProperty');
    }
  });

  it('ignoredBy lists the meters of the event type that cannot read it', () => {
    const meters = [compileMeter(spec), compileMeter({ ...spec, id: 'mtr_2', key: 'calls', aggregation: 'COUNT', valueProperty: null }), compileMeter({ ...spec, id: 'mtr_3', key: 'other', eventType: 'x' })];
    expect(ignoredBy(meters, { type: 'llm', data: { n: 'many' } })).toEqual([{ meter: 'tokens', reason: '$.n is the string "many", not a number or decimal string' }]);
    expect(ignoredBy(meters, { type: 'llm', data: { n: 1 } })).toEqual([]);
  });
});
