import { describe, expect, it } from 'vitest';
import { isRejected, validateEvent } from '../../../src/core/metering';

const NOW = Date.UTC(2024, 4, 1, 12);
const base = { id: 'e1', source: 'api', type: 'call', subject: 'acme' };

describe('validateEvent', () => {
  it('accepts a minimal event: time defaults to now, data to null', () => {
    const result = validateEvent(base, 3, NOW);
    expect(result).toEqual({ index: 3, ...base, timeMs: NOW, data: null, dataJson: null, ingestedAtMs: NOW, seq: 0 });
  });

  it('accepts ISO strings with offsets, Dates, null data and extra CloudEvents attributes', () => {
    const a = validateEvent({ ...base, time: '2024-03-10T02:30:00-05:00', data: { n: 1 }, specversion: '1.0' }, 0, NOW);
    expect(isRejected(a)).toBe(false);
    expect(a).toMatchObject({ timeMs: Date.parse('2024-03-10T07:30:00Z'), data: { n: 1 }, dataJson: '{"n":1}' });
    expect(validateEvent({ ...base, time: new Date(5), data: null }, 0, NOW)).toMatchObject({ timeMs: 5, data: null });
  });

  it('reads data that JSON would change (Dates, NaN) the way it is stored', () => {
    const result = validateEvent({ ...base, data: { at: new Date(0), n: Number.NaN, ok: 1 } }, 0, NOW);
    expect(result).toMatchObject({ data: { at: '1970-01-01T00:00:00.000Z', n: null, ok: 1 } });
    const plain = { n: 1, list: [1, 'a', null, { b: true }] };
    expect((validateEvent({ ...base, data: plain }, 0, NOW) as { data: unknown }).data).toBe(plain);
  });

  it.each([
    [null, 'invalid_event', 'event: must be an object, got null'],
    [[base], 'invalid_event', 'event: must be an object, got an array'],
    ['x', 'invalid_event', 'event: must be an object, got a string'],
    [{ ...base, id: '' }, 'invalid_id', 'id: must be a non-empty string, got an empty string'],
    [{ ...base, id: 5 }, 'invalid_id', 'id: must be a non-empty string, got number'],
    [{ ...base, source: undefined }, 'invalid_source', 'source: must be a non-empty string, got undefined'],
    [{ ...base, type: null }, 'invalid_type', 'type: must be a non-empty string, got null'],
    [{ ...base, subject: 'x'.repeat(257) }, 'invalid_subject', 'subject: must be at most 256 characters'],
    [{ ...base, source: 'a\u0000b' }, 'invalid_source', 'source: must not contain NUL characters'],
    [{ ...base, time: 'yesterday' }, 'invalid_time', 'time: "yesterday" is not an ISO-8601 instant'],
    [{ ...base, time: '2024-03-10T02:30:00' }, 'invalid_time', 'has no offset'],
    [{ ...base, time: 1709251200000 }, 'invalid_time', 'expected a Date or an ISO-8601 string'],
    [{ ...base, time: new Date(Number.NaN) }, 'invalid_time', 'invalid Date'],
    [{ ...base, data: [1] }, 'invalid_data', 'data: must be a plain JSON object, got an array'],
    [{ ...base, data: 'text' }, 'invalid_data', 'got a string'],
    [{ ...base, data: new Map() }, 'invalid_data', 'plain JSON object'],
  ])('rejects %j with %s', (raw, code, message) => {
    const result = validateEvent(raw, 7, NOW);
    expect(isRejected(result)).toBe(true);
    expect(result).toMatchObject({ index: 7, code });
    expect((result as { message: string }).message).toContain(message);
  });

  it('rejects data that JSON cannot serialize', () => {
    expect(validateEvent({ ...base, data: { n: 10n } }, 1, NOW)).toMatchObject({ code: 'invalid_data', message: 'data: must be serializable as JSON' });
  });

  it('reports the id of a rejected event when it has one', () => {
    expect(validateEvent({ ...base, subject: '' }, 0, NOW)).toMatchObject({ id: 'e1' });
    expect(validateEvent({ ...base, id: '' }, 0, NOW)).not.toHaveProperty('id');
  });
});
