import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  type EventInput,
  type MeterCreateInput,
  type MeterQueryInput,
  type MeterQueryRow,
  NotFoundError,
  type Storage,
  type Tollgate,
  ValidationError,
  createTollgate,
} from 'tollgate';
import { TestClock } from 'tollgate/testing';

/** One event of type `calls` (or `type`) from source `app`. */
const ev = (id: string, subject: string, time: string, data?: Record<string, unknown>, type = 'calls'): EventInput => ({
  id,
  source: 'app',
  type,
  subject,
  time,
  ...(data !== undefined && { data }),
});

/** Rows without Dates, for compact assertions. */
const simple = (rows: MeterQueryRow[]) =>
  rows.map((r) => ({
    value: r.value,
    from: r.windowStart.toISOString(),
    to: r.windowEnd.toISOString(),
    ...(r.subject !== undefined && { subject: r.subject }),
    ...(r.customerId !== undefined && { customerId: r.customerId }),
    ...(Object.keys(r.groupBy).length > 0 && { groupBy: r.groupBy }),
  }));

const values = (rows: MeterQueryRow[]) => rows.map((r) => r.value);

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const DAY = { from: '2024-03-01T00:00:00Z', to: '2024-03-02T00:00:00Z' };

/** tg.meters and tg.events end to end on one adapter: every metering rule of SEMANTICS.md. */
export function meteringFacadeSuite(name: string, makeStorage: () => Promise<{ storage: Storage; teardown?: () => Promise<void> }>): void {
  describe(`metering on ${name}`, () => {
    let tg: Tollgate;
    let clock: TestClock;
    let teardown: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await makeStorage();
      teardown = made.teardown;
      clock = new TestClock('2024-05-01T12:00:00Z');
      tg = createTollgate({ storage: made.storage, clock });
      await tg.migrate();
    });
    afterEach(async () => {
      await tg.close();
      await teardown?.();
    });

    const meter = (key: string, aggregation: MeterCreateInput['aggregation'], extra: Partial<MeterCreateInput> = {}) =>
      tg.meters.create({ key, eventType: 'calls', aggregation, ...(aggregation !== 'COUNT' && { valueProperty: '$.n' }), ...extra });
    const query = async (key: string, input: MeterQueryInput = DAY) => (await tg.meters.query(key, input)).data;

    describe('meters', () => {
      it('creates, reads by key and id, lists and archives a meter', async () => {
        const created = await meter('api_calls', 'SUM', { name: 'API calls', groupBy: { model: '$.model', region: "$['geo-region']" } });
        expect(created).toMatchObject({
          key: 'api_calls',
          name: 'API calls',
          eventType: 'calls',
          aggregation: 'SUM',
          valueProperty: '$.n',
          groupBy: { model: '$.model', region: "$['geo-region']" },
          archivedAt: null,
        });
        expect(created.id).toMatch(/^mtr_[0-9A-Z]{26}$/);
        expect(created.createdAt).toEqual(new Date('2024-05-01T12:00:00Z'));
        expect(await tg.meters.get('api_calls')).toEqual(created);
        expect(await tg.meters.get(created.id)).toEqual(created);
        await meter('other', 'COUNT');
        clock.advance('PT1H');
        const archived = await tg.meters.archive('api_calls');
        expect(archived.archivedAt).toEqual(new Date('2024-05-01T13:00:00Z'));
        expect(await tg.meters.archive('api_calls')).toEqual(archived);
        expect((await tg.meters.list()).items.map((m) => m.key)).toEqual(['other']);
        expect((await tg.meters.list({ includeArchived: true })).items.map((m) => m.key)).toEqual(['api_calls', 'other']);
        const page = await tg.meters.list({ includeArchived: true, limit: 1 });
        expect(page.items.map((m) => m.key)).toEqual(['api_calls']);
        expect((await tg.meters.list({ includeArchived: true, cursor: page.nextCursor! })).items.map((m) => m.key)).toEqual(['other']);
      });

      it('refuses a taken key (archived meters keep theirs) with a ConflictError', async () => {
        await meter('calls', 'COUNT');
        await tg.meters.archive('calls');
        const error = await errorOf(meter('calls', 'SUM'));
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).target).toBe('meter.key');
      });

      it('validates keys, value properties and JSONPaths, naming each field', async () => {
        const error = await errorOf(
          tg.meters.create({ key: 'Bad-Key', eventType: '', aggregation: 'SUM', groupBy: { model: '$.model[', region: 'region' } } as never),
        );
        expect(error).toBeInstanceOf(ValidationError);
        const issues = (error as ValidationError).issues;
        expect(issues.map((i) => i.path).sort()).toEqual(['eventType', 'groupBy.model', 'groupBy.region', 'key', 'valueProperty']);
        expect(issues.find((i) => i.path === 'groupBy.model')?.code).toBe('invalid_json_path');
        expect(issues.find((i) => i.path === 'valueProperty')?.code).toBe('required');
        for (const bad of ['', 'a'.repeat(65), '_a', 'a__b', 'a_', 'A']) {
          expect(await errorOf(meter(bad, 'COUNT'))).toBeInstanceOf(ValidationError);
        }
        expect((await meter('a'.repeat(64), 'COUNT')).key).toHaveLength(64);
        const agg = await errorOf(tg.meters.create({ key: 'x', eventType: 'calls', aggregation: 'MEDIAN' } as never));
        expect((agg as ValidationError).issues.map((i) => i.path)).toEqual(['aggregation']);
        const reserved = await errorOf(meter('y', 'COUNT', { groupBy: { subject: '$.s' } }));
        expect((reserved as ValidationError).issues.map((i) => i.path)).toEqual(['groupBy.subject']);
        expect((await tg.meters.list({ includeArchived: true })).items.map((m) => m.key)).toEqual(['a'.repeat(64)]);
      });

      it('accepts and ignores a value property on a COUNT meter; requires one on UNIQUE_COUNT', async () => {
        const count = await tg.meters.create({ key: 'c', eventType: 'calls', aggregation: 'COUNT', valueProperty: '$.n' });
        expect(count.valueProperty).toBe('$.n');
        await tg.events.ingest([ev('1', 's', '2024-03-01T10:00:00Z', { n: 'not a number' }), ev('2', 's', '2024-03-01T10:00:00Z')]);
        expect(values(await query('c'))).toEqual(['2']);
        const error = await errorOf(tg.meters.create({ key: 'u', eventType: 'calls', aggregation: 'UNIQUE_COUNT' }));
        expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['valueProperty']);
      });

      it('throws NotFoundError for an unknown meter', async () => {
        await expect(tg.meters.get('nope')).rejects.toMatchObject({ code: 'not_found', resource: 'meter', ref: 'nope' });
        await expect(tg.meters.query('nope', DAY)).rejects.toBeInstanceOf(NotFoundError);
        await expect(tg.meters.archive('nope')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe('ingestion', () => {
      it('stores a batch, reports rejected events by index with id, code and message, and counts duplicates', async () => {
        await tg.events.ingest([ev('a', 's', '2024-03-01T10:00:00Z', { n: 1 })]);
        const result = await tg.events.ingest([
          ev('a', 's', '2024-03-01T10:00:00Z', { n: 1 }),
          ev('b', 's', '2024-03-01T10:00:00Z', { n: 2 }),
          { id: 'c', source: 'app', type: 'calls', subject: '' },
          ev('b', 's', '2024-03-01T11:00:00Z', { n: 3 }),
          { id: 'd', source: 'app', type: 'calls', subject: 's', time: '2024-13-01T00:00:00Z' },
          { id: 'e', source: 'app', type: 'calls', subject: 's', data: [1, 2] } as never,
          'not an event' as never,
          { source: 'app', type: 'calls', subject: 's' } as never,
          { id: 'f', source: 'app', type: 'calls', subject: 's', time: '2024-03-01T10:00:00' },
          ev('g', 's', '2024-03-01T10:00:00Z'),
        ]);
        expect(result.accepted).toBe(2);
        expect(result.duplicates).toBe(2);
        expect(result.rejected.map((r) => [r.index, r.id, r.code])).toEqual([
          [2, 'c', 'invalid_subject'],
          [4, 'd', 'invalid_time'],
          [5, 'e', 'invalid_data'],
          [6, undefined, 'invalid_event'],
          [7, undefined, 'invalid_id'],
          [8, 'f', 'invalid_time'],
        ]);
        expect(result.rejected.every((r) => r.message.length > 0)).toBe(true);
        expect(result.rejected[0]!.message).toMatch(/^subject:/);
        expect((await tg.events.list()).items.map((e) => e.id)).toEqual(['a', 'b', 'g']);
      });

      it('reports a malformed single event in rejected[0] without throwing; an empty batch returns zeros', async () => {
        expect(await tg.events.ingest({ id: 'x', source: 'app', type: 'calls' } as never)).toEqual({
          accepted: 0,
          duplicates: 0,
          rejected: [{ index: 0, id: 'x', code: 'invalid_subject', message: 'subject: must be a non-empty string, got undefined' }],
        });
        expect(await tg.events.ingest(null as never)).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: 'invalid_event' }] });
        expect(await tg.events.ingest([])).toEqual({ accepted: 0, duplicates: 0, rejected: [] });
        expect(await tg.events.ingest(ev('ok', 's', '2024-03-01T10:00:00Z'))).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
      });

      it('a rejected event does not reserve its (source, id); the same id from another source is another event', async () => {
        await tg.events.ingest({ id: 'x', source: 'app', type: 'calls', subject: 's', time: 'yesterday' });
        expect((await tg.events.ingest(ev('x', 's', '2024-03-01T10:00:00Z'))).accepted).toBe(1);
        expect((await tg.events.ingest({ ...ev('x', 's', '2024-03-01T10:00:00Z'), source: 'other' })).accepted).toBe(1);
      });

      it('refuses more than 10,000 events with a ValidationError and stores none of them', async () => {
        await meter('n', 'COUNT');
        const batch = Array.from({ length: 10_001 }, (_, i) => ev(`e${i}`, 's', '2024-03-01T10:00:00Z'));
        const error = await errorOf(tg.events.ingest(batch));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]).toMatchObject({ path: 'events', code: 'too_big' });
        expect((await tg.events.list()).items).toEqual([]);
        expect(await query('n')).toEqual([]);
        expect((await tg.events.ingest(batch.slice(0, 10_000))).accepted).toBe(10_000);
        expect(values(await query('n'))).toEqual(['10000']);
      });

      it('defaults time to the clock and keeps data exactly', async () => {
        await tg.events.ingest({ id: 'now', source: 'app', type: 'calls', subject: 's', data: { nested: { list: [1, 'two', null] }, big: '12345678901234567890.5' } });
        const [stored] = (await tg.events.list()).items;
        expect(stored).toMatchObject({
          id: 'now',
          time: new Date('2024-05-01T12:00:00Z'),
          ingestedAt: new Date('2024-05-01T12:00:00Z'),
          data: { nested: { list: [1, 'two', null] }, big: '12345678901234567890.5' },
        });
        await tg.events.ingest({ id: 'offset', source: 'app', type: 'calls', subject: 's', time: '2024-05-01T08:00:00-04:00' });
        expect((await tg.events.list({ subject: 's' })).items.map((e) => e.time.toISOString())).toEqual(['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z']);
      });
    });

    describe('aggregations', () => {
      const data = [3, '0.5', -1, 'abc', null, true, '', { v: 1 }, [1], '7.25'];

      beforeEach(async () => {
        for (const agg of ['SUM', 'COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'] as const) await meter(agg.toLowerCase(), agg);
        await tg.events.ingest(data.map((n, i) => ev(`e${i}`, 's', `2024-03-01T10:0${i}:00Z`, { n })));
        await tg.events.ingest(ev('missing', 's', '2024-03-01T10:30:00Z', {}));
      });

      it('SUM, AVG, MIN, MAX, LATEST read JSON numbers and decimal strings; other values are invisible', async () => {
        expect(values(await query('sum'))).toEqual(['9.75']);
        expect(values(await query('avg'))).toEqual(['2.4375']);
        expect(values(await query('min'))).toEqual(['-1']);
        expect(values(await query('max'))).toEqual(['7.25']);
        expect(values(await query('latest'))).toEqual(['7.25']);
      });

      it('COUNT counts every event of its type, whatever its data', async () => {
        expect(values(await query('count'))).toEqual(['11']);
      });

      it('invisible events are stored, and events.list says which meter ignores them and why', async () => {
        const items = (await tg.events.list()).items;
        expect(items).toHaveLength(11);
        const reasons = Object.fromEntries(items.map((e) => [e.id, e.ignoredBy]));
        expect(reasons.e0).toEqual([]);
        expect(reasons.e3!.map((r) => r.meter).sort()).toEqual(['avg', 'latest', 'max', 'min', 'sum']);
        expect(reasons.e3![0]!.reason).toBe('$.n is the string "abc", not a number or decimal string');
        expect(reasons.e4![0]!.reason).toBe('$.n is null, not a number or decimal string');
        expect(reasons.missing![0]!.reason).toBe('$.n is missing');
        expect(reasons.e5![0]!.reason).toContain('boolean');
        expect(reasons.e6![0]!.reason).toBe('$.n is an empty string, not a number or decimal string');
      });

      it('an event whose value is invalid for every meter makes no row ("0" rows are never made up)', async () => {
        expect(await query('sum', { from: '2024-03-01T10:03:00Z', to: '2024-03-01T10:05:00Z' })).toEqual([]);
        expect(values(await query('count', { from: '2024-03-01T10:03:00Z', to: '2024-03-01T10:05:00Z' }))).toEqual(['2']);
      });
    });

    describe('exact decimals', () => {
      it('ten events of 0.1 sum to "1", as numbers and as strings', async () => {
        await meter('sum', 'SUM');
        await meter('avg', 'AVG');
        await tg.events.ingest(Array.from({ length: 10 }, (_, i) => ev(`n${i}`, 's', '2024-03-01T10:00:00Z', { n: 0.1 })));
        await tg.events.ingest(Array.from({ length: 10 }, (_, i) => ev(`s${i}`, 's', '2024-03-01T12:00:00Z', { n: '0.1' })));
        expect(simple(await query('sum', { ...DAY, windowSize: 'HOUR' }))).toEqual([
          { value: '1', from: '2024-03-01T10:00:00.000Z', to: '2024-03-01T11:00:00.000Z' },
          { value: '1', from: '2024-03-01T12:00:00.000Z', to: '2024-03-01T13:00:00.000Z' },
        ]);
        expect(values(await query('sum'))).toEqual(['2']);
        expect(values(await query('avg'))).toEqual(['0.1']);
      });

      it('keeps big and small values exact; a non-terminating AVG keeps at least 20 significant digits', async () => {
        await meter('sum', 'SUM');
        await meter('avg', 'AVG');
        await meter('max', 'MAX');
        await tg.events.ingest([
          ev('a', 's', '2024-03-01T10:00:00Z', { n: '123456789012345678901234567890.000000000000000000001' }),
          ev('b', 's', '2024-03-01T10:00:00Z', { n: 9007199254740993 }),
          ev('c', 's', '2024-03-01T10:00:00Z', { n: '-0.000000000000000000001' }),
        ]);
        expect(values(await query('sum'))).toEqual(['123456789012354686100489308882']);
        expect(values(await query('max'))).toEqual(['123456789012345678901234567890.000000000000000000001']);
        await meter('thirds', 'AVG', { eventType: 'thirds' });
        await tg.events.ingest([1, 1, 2].map((n, i) => ev(`t${i}`, 's', '2024-03-01T10:00:00Z', { n }, 'thirds')));
        const [avg] = values(await query('thirds'));
        expect(avg).toMatch(/^1\.3{20,}$/);
        expect(avg!.replace('.', '').length).toBeGreaterThanOrEqual(20);
      });

      it('sums safe integers past 2^53 exactly', async () => {
        await meter('sum', 'SUM');
        await tg.events.ingest([ev('a', 's', '2024-03-01T10:00:00Z', { n: 9007199254740991 }), ev('b', 's', '2024-03-01T10:00:00Z', { n: 9007199254740991 })]);
        await tg.events.ingest([ev('c', 's', '2024-03-01T10:00:00Z', { n: 9007199254740991 })]);
        expect(values(await query('sum'))).toEqual(['27021597764222973']);
      });
    });

    describe('LATEST and UNIQUE_COUNT', () => {
      it('LATEST takes the value with the latest event time; a tie goes to the event ingested last', async () => {
        await meter('latest', 'LATEST');
        await tg.events.ingest([ev('a', 's', '2024-03-01T10:30:00Z', { n: 5 }), ev('b', 's', '2024-03-01T10:30:00Z', { n: 6 })]);
        expect(values(await query('latest'))).toEqual(['6']);
        expect(values(await query('latest', { from: '2024-03-01T10:30:00Z', to: '2024-03-01T10:31:00Z', windowSize: 'MINUTE' }))).toEqual(['6']);
        await tg.events.ingest(ev('c', 's', '2024-03-01T10:30:00Z', { n: '4.5' }));
        await tg.events.ingest(ev('d', 's', '2024-03-01T10:10:00Z', { n: 100 }));
        await tg.events.ingest(ev('e', 's', '2024-03-01T10:40:00Z', { n: 'oops' }));
        expect(values(await query('latest'))).toEqual(['4.5']);
        expect(values(await query('latest', { from: '2024-03-01T10:00:00Z', to: '2024-03-01T10:20:00Z' }))).toEqual(['100']);
      });

      it('UNIQUE_COUNT counts distinct string values, case-sensitively, per window; other values are not counted', async () => {
        await tg.meters.create({ key: 'users', eventType: 'calls', aggregation: 'UNIQUE_COUNT', valueProperty: '$.user' });
        await tg.events.ingest([
          ev('1', 's', '2024-03-01T10:00:00Z', { user: 'ann' }),
          ev('2', 's', '2024-03-01T10:10:00Z', { user: 'Ann' }),
          ev('3', 's', '2024-03-01T11:00:00Z', { user: 'ann' }),
          ev('4', 's', '2024-03-01T11:00:00Z', { user: 5 }),
          ev('5', 's', '2024-03-01T11:00:00Z', {}),
          ev('6', 'other', '2024-03-01T11:30:00Z', { user: 'bob' }),
          ev('7', 's', '2024-03-02T09:00:00Z', { user: 'ann' }),
        ]);
        expect(values(await query('users'))).toEqual(['3']);
        expect(simple(await query('users', { from: '2024-03-01T00:00:00Z', to: '2024-03-03T00:00:00Z', windowSize: 'DAY', groupBy: ['subject'] }))).toEqual([
          { value: '1', from: '2024-03-01T00:00:00.000Z', to: '2024-03-02T00:00:00.000Z', subject: 'other' },
          { value: '2', from: '2024-03-01T00:00:00.000Z', to: '2024-03-02T00:00:00.000Z', subject: 's' },
          { value: '1', from: '2024-03-02T00:00:00.000Z', to: '2024-03-03T00:00:00.000Z', subject: 's' },
        ]);
        expect(values(await query('users', { from: '2024-03-01T10:05:00Z', to: '2024-03-01T11:10:00Z' }))).toEqual(['2']);
      });
    });

    describe('groups and filters', () => {
      beforeEach(async () => {
        await meter('tokens', 'SUM', { groupBy: { model: '$.model', tier: '$.meta.tier' } });
        await tg.events.ingest([
          ev('1', 'acme-prod', '2024-03-01T10:00:00Z', { n: 1, model: 'gpt', meta: { tier: 5 } }),
          ev('2', 'acme-prod', '2024-03-01T10:00:00Z', { n: 2, model: 'gpt', meta: { tier: '5' } }),
          ev('3', 'acme-dev', '2024-03-01T11:00:00Z', { n: 4, model: 'claude', meta: {} }),
          ev('4', 'globex', '2024-03-01T12:00:00Z', { n: 8, model: null }),
          ev('5', 'acme-dev', '2024-03-01T13:00:00Z', { n: 16, model: 'gpt', meta: { tier: null } }),
        ]);
      });

      it('groups missing and null values as null, and 5 with "5"', async () => {
        expect(simple(await query('tokens', { ...DAY, groupBy: ['model', 'tier'] })).map((r) => [r.value, r.groupBy])).toEqual([
          ['8', { model: null, tier: null }],
          ['4', { model: 'claude', tier: null }],
          ['16', { model: 'gpt', tier: null }],
          ['3', { model: 'gpt', tier: '5' }],
        ]);
      });

      it('filterGroupBy: a string is equality, a list is membership, several keys AND together', async () => {
        expect(values(await query('tokens', { ...DAY, filterGroupBy: { model: 'gpt' } }))).toEqual(['19']);
        expect(values(await query('tokens', { ...DAY, filterGroupBy: { model: ['gpt', 'claude'] } }))).toEqual(['23']);
        expect(values(await query('tokens', { ...DAY, filterGroupBy: { model: 'gpt', tier: '5' } }))).toEqual(['3']);
        expect(await query('tokens', { ...DAY, filterGroupBy: { model: 'none' } })).toEqual([]);
        expect(simple(await query('tokens', { ...DAY, filterGroupBy: { model: 'gpt' }, groupBy: ['tier'] })).map((r) => r.groupBy)).toEqual([
          { tier: null },
          { tier: '5' },
        ]);
      });

      it('the subject parameter filters and splits by subject', async () => {
        expect(simple(await query('tokens', { ...DAY, subject: ['acme-dev', 'globex'] }))).toEqual([
          { value: '20', from: DAY.from.replace('Z', '.000Z'), to: DAY.to.replace('Z', '.000Z'), subject: 'acme-dev' },
          { value: '8', from: DAY.from.replace('Z', '.000Z'), to: DAY.to.replace('Z', '.000Z'), subject: 'globex' },
        ]);
        expect(simple(await query('tokens', { ...DAY, groupBy: ['subject'] })).map((r) => [r.subject, r.value])).toEqual([
          ['acme-dev', '20'],
          ['acme-prod', '3'],
          ['globex', '8'],
        ]);
      });

      it('the customer parameter filters and splits by customer, merging its subjects', async () => {
        const acme = await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod', 'acme-dev'] });
        const globex = await tg.customers.create({ key: 'globex', subjectKeys: ['globex'] });
        expect(simple(await query('tokens', { ...DAY, customer: ['acme', globex.id] })).map((r) => [r.customerId, r.value])).toEqual(
          [
            [acme.id, '23'],
            [globex.id, '8'],
          ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        );
        expect(simple(await query('tokens', { ...DAY, customer: ['acme'], subject: ['acme-dev', 'globex'] }))).toEqual([
          { value: '20', from: '2024-03-01T00:00:00.000Z', to: '2024-03-02T00:00:00.000Z', subject: 'acme-dev', customerId: acme.id },
        ]);
        await expect(tg.meters.query('tokens', { ...DAY, customer: ['nobody'] })).rejects.toMatchObject({ code: 'not_found', resource: 'customer' });
      });

      it('groupBy customer splits all usage by owner; usage no customer owns has no customerId', async () => {
        const acme = await tg.customers.create({ key: 'acme', subjectKeys: ['acme-prod', 'acme-dev'] });
        expect(simple(await query('tokens', { ...DAY, groupBy: ['customer'] })).map((r) => [r.customerId ?? null, r.value])).toEqual([
          [null, '8'],
          [acme.id, '23'],
        ]);
      });

      it('attributes events sent before a customer claimed their subject', async () => {
        expect(await tg.customers.create({ key: 'late', subjectKeys: [] })).toBeDefined();
        expect(await query('tokens', { ...DAY, customer: ['late'] })).toEqual([]);
        await tg.customers.update('late', { subjectKeys: ['globex'] });
        expect(values(await query('tokens', { ...DAY, customer: ['late'] }))).toEqual(['8']);
      });

      it('rejects unknown groupBy and filter keys, window sizes, zones and from after to, naming the field', async () => {
        const cases: Array<[MeterQueryInput, string]> = [
          [{ ...DAY, groupBy: ['model', 'colour'] }, 'groupBy[1]'],
          [{ ...DAY, filterGroupBy: { colour: 'red' } }, 'filterGroupBy.colour'],
          [{ ...DAY, windowSize: 'WEEK' } as never, 'windowSize'],
          [{ ...DAY, windowSize: 'DAY', windowTimeZone: 'Mars/Olympus' }, 'windowTimeZone'],
          [{ from: DAY.to, to: DAY.from }, 'from'],
          [{ from: 'yesterday' }, 'from'],
          [{ ...DAY, limit: 5 } as never, 'limit'],
        ];
        for (const [input, path] of cases) {
          const error = await errorOf(tg.meters.query('tokens', input));
          expect(error, path).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
        }
      });
    });

    describe('windows', () => {
      it('MINUTE, HOUR, DAY and MONTH windows; empty windows are left out; rows ordered by window then group', async () => {
        await meter('n', 'SUM', { groupBy: { k: '$.k' } });
        await tg.events.ingest([
          ev('1', 's', '2024-01-31T23:59:59.999Z', { n: 1, k: 'b' }),
          ev('2', 's', '2024-02-01T00:00:00Z', { n: 2, k: 'b' }),
          ev('3', 's', '2024-02-01T00:00:30Z', { n: 4, k: 'a' }),
          ev('4', 's', '2024-02-01T00:01:00Z', { n: 8, k: 'a' }),
          ev('5', 's', '2024-02-29T23:00:00Z', { n: 16, k: 'a' }),
          ev('6', 's', '2024-03-01T00:00:00Z', { n: 32, k: 'a' }),
        ]);
        const range = { from: '2024-01-01T00:00:00Z', to: '2024-04-01T00:00:00Z', groupBy: ['k'] };
        expect(simple(await query('n', { ...range, windowSize: 'MONTH' })).map((r) => [r.from.slice(0, 10), r.to.slice(0, 10), r.groupBy!.k, r.value])).toEqual([
          ['2024-01-01', '2024-02-01', 'b', '1'],
          ['2024-02-01', '2024-03-01', 'a', '28'],
          ['2024-02-01', '2024-03-01', 'b', '2'],
          ['2024-03-01', '2024-04-01', 'a', '32'],
        ]);
        expect(simple(await query('n', { from: '2024-02-01T00:00:00Z', to: '2024-02-01T00:02:00Z', windowSize: 'MINUTE' }))).toEqual([
          { value: '6', from: '2024-02-01T00:00:00.000Z', to: '2024-02-01T00:01:00.000Z' },
          { value: '8', from: '2024-02-01T00:01:00.000Z', to: '2024-02-01T00:02:00.000Z' },
        ]);
        expect(values(await query('n', { from: '2024-02-29T00:00:00Z', to: '2024-03-02T00:00:00Z', windowSize: 'DAY' }))).toEqual(['16', '32']);
        expect(simple(await query('n', { from: '2024-02-29T22:00:00Z', to: '2024-03-01T01:00:00Z', windowSize: 'HOUR' })).map((r) => r.from)).toEqual([
          '2024-02-29T23:00:00.000Z',
          '2024-03-01T00:00:00.000Z',
        ]);
      });

      it('DAY windows in America/New_York follow DST: 23 and 25 hour days', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest([
          ev('a', 's', '2024-03-10T04:59:59Z', { n: 1 }),
          ev('b', 's', '2024-03-10T05:00:00Z', { n: 2 }),
          ev('c', 's', '2024-03-11T03:59:59Z', { n: 4 }),
          ev('d', 's', '2024-03-11T04:00:00Z', { n: 8 }),
          ev('e', 's', '2024-11-03T04:00:00Z', { n: 16 }),
          ev('f', 's', '2024-11-04T04:59:59Z', { n: 32 }),
          ev('g', 's', '2024-11-04T05:00:00Z', { n: 64 }),
        ]);
        const q = { windowSize: 'DAY', windowTimeZone: 'America/New_York' } as const;
        const spring = simple(await query('n', { ...q, from: '2024-03-09T00:00:00-05:00', to: '2024-03-12T00:00:00-04:00' }));
        expect(spring).toEqual([
          { value: '1', from: '2024-03-09T05:00:00.000Z', to: '2024-03-10T05:00:00.000Z' },
          { value: '6', from: '2024-03-10T05:00:00.000Z', to: '2024-03-11T04:00:00.000Z' },
          { value: '8', from: '2024-03-11T04:00:00.000Z', to: '2024-03-12T04:00:00.000Z' },
        ]);
        const fall = simple(await query('n', { ...q, from: '2024-11-03T00:00:00-04:00', to: '2024-11-05T00:00:00-05:00' }));
        expect(fall).toEqual([
          { value: '48', from: '2024-11-03T04:00:00.000Z', to: '2024-11-04T05:00:00.000Z' },
          { value: '64', from: '2024-11-04T05:00:00.000Z', to: '2024-11-05T05:00:00.000Z' },
        ]);
        expect(new Date(fall[0]!.to).getTime() - new Date(fall[0]!.from).getTime()).toBe(25 * 3_600_000);
      });

      it('windows in a half-hour zone (Asia/Kolkata) count each event once, exactly', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest([
          ev('a', 's', '2024-03-01T18:29:59.999Z', { n: 1 }),
          ev('b', 's', '2024-03-01T18:30:00Z', { n: 2 }),
          ev('c', 's', '2024-03-01T18:45:00Z', { n: 4 }),
          ev('d', 's', '2024-03-01T18:10:00Z', { n: 8 }),
        ]);
        expect(simple(await query('n', { from: '2024-03-01T00:00:00Z', to: '2024-03-03T00:00:00Z', windowSize: 'DAY', windowTimeZone: 'Asia/Kolkata' }))).toEqual([
          { value: '9', from: '2024-02-29T18:30:00.000Z', to: '2024-03-01T18:30:00.000Z' },
          { value: '6', from: '2024-03-01T18:30:00.000Z', to: '2024-03-02T18:30:00.000Z' },
        ]);
        expect(values(await query('n', { from: '2024-03-01T18:00:00Z', to: '2024-03-01T19:00:00Z', windowSize: 'HOUR', windowTimeZone: 'Asia/Kolkata' }))).toEqual(['9', '6']);
      });

      it('reports windows whole, while events before from and from to on are excluded', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest([
          ev('a', 's', '2024-03-01T00:10:00Z', { n: 1 }),
          ev('b', 's', '2024-03-01T10:20:00Z', { n: 2 }),
          ev('c', 's', '2024-03-01T10:40:00Z', { n: 4 }),
          ev('d', 's', '2024-03-01T22:30:00Z', { n: 8 }),
          ev('e', 's', '2024-03-01T22:50:00Z', { n: 16 }),
        ]);
        const range = { from: '2024-03-01T10:30:00Z', to: '2024-03-01T22:40:00Z' };
        expect(simple(await query('n', { ...range, windowSize: 'DAY' }))).toEqual([
          { value: '12', from: '2024-03-01T00:00:00.000Z', to: '2024-03-02T00:00:00.000Z' },
        ]);
        expect(simple(await query('n', range))).toEqual([{ value: '12', from: '2024-03-01T10:30:00.000Z', to: '2024-03-01T22:40:00.000Z' }]);
        expect(await query('n', { from: '2024-03-01T10:30:00Z', to: '2024-03-01T10:30:00Z' })).toEqual([]);
      });

      it('from defaults to the hour of the first event and to to now', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest([ev('a', 's', '2024-03-01T10:20:00Z', { n: 1 }), ev('b', 's', '2024-06-01T00:00:00Z', { n: 2 })]);
        expect(simple(await query('n', {}))).toEqual([{ value: '1', from: '2024-03-01T10:00:00.000Z', to: '2024-05-01T12:00:00.000Z' }]);
        expect(await tg.meters.query('n')).toEqual({ data: [expect.objectContaining({ value: '1' })] });
      });
    });

    describe('history', () => {
      it('counts late events wherever they fall', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest(ev('now', 's', '2024-03-01T12:00:00Z', { n: 1 }));
        expect(values(await query('n', { ...DAY, windowSize: 'HOUR' }))).toEqual(['1']);
        await tg.events.ingest([ev('late1', 's', '2024-03-01T01:15:00Z', { n: 2 }), ev('late2', 's', '2024-03-01T12:59:59Z', { n: 4 })]);
        expect(simple(await query('n', { ...DAY, windowSize: 'HOUR' })).map((r) => [r.from.slice(11, 16), r.value])).toEqual([
          ['01:00', '2'],
          ['12:00', '5'],
        ]);
      });

      it('a meter created after events were ingested sees them; so does an archived meter, new events included', async () => {
        await tg.events.ingest(Array.from({ length: 12 }, (_, i) => ev(`e${i}`, i % 2 ? 'a' : 'b', `2024-03-01T${String(i).padStart(2, '0')}:30:00Z`, { n: i, u: `u${i % 3}` })));
        await meter('sum', 'SUM');
        await tg.meters.create({ key: 'uniq', eventType: 'calls', aggregation: 'UNIQUE_COUNT', valueProperty: '$.u' });
        expect(values(await query('sum'))).toEqual(['66']);
        expect(values(await query('uniq'))).toEqual(['3']);
        await tg.meters.archive('sum');
        await tg.events.ingest(ev('after', 'a', '2024-03-01T20:00:00Z', { n: 100 }));
        expect(values(await query('sum'))).toEqual(['166']);
      });

      it('events of other types do not count', async () => {
        await meter('n', 'COUNT');
        await tg.events.ingest([ev('a', 's', '2024-03-01T10:00:00Z', {}, 'other'), ev('b', 's', '2024-03-01T10:00:00Z')]);
        expect(values(await query('n'))).toEqual(['1']);
      });
    });

    describe('events.list', () => {
      beforeEach(async () => {
        await tg.events.ingest([
          ev('c', 'acme', '2024-03-01T12:00:00Z', { n: 1 }),
          ev('a', 'acme', '2024-03-01T10:00:00Z', { n: 2 }, 'other'),
          ev('b', 'globex', '2024-03-01T11:00:00Z'),
          ev('d', 'acme', '2024-03-01T12:00:00Z'),
          ev('e', 'globex', '2024-03-02T00:00:00Z'),
        ]);
      });

      it('lists by time then ingestion order, filtered by from, to, subject and type', async () => {
        const ids = async (input: Parameters<Tollgate['events']['list']>[0]) => (await tg.events.list(input)).items.map((e) => e.id);
        expect(await ids({})).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(await ids({ from: '2024-03-01T11:00:00Z', to: '2024-03-02T00:00:00Z' })).toEqual(['b', 'c', 'd']);
        expect(await ids({ subject: 'acme' })).toEqual(['a', 'c', 'd']);
        expect(await ids({ type: 'calls', subject: 'globex' })).toEqual(['b', 'e']);
        await expect(tg.events.list({ from: '2024-03-02T00:00:00Z', to: '2024-03-01T00:00:00Z' })).rejects.toBeInstanceOf(ValidationError);
        await expect(tg.events.list({ cursor: 'garbage' })).rejects.toMatchObject({ issues: [{ path: 'cursor' }] });
      });

      it('pages with cursors', async () => {
        const seen: string[] = [];
        let page = await tg.events.list({ limit: 2 });
        seen.push(...page.items.map((e) => e.id));
        while (page.nextCursor) {
          page = await tg.events.list({ limit: 2, cursor: page.nextCursor });
          seen.push(...page.items.map((e) => e.id));
        }
        expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect((await tg.events.list({ limit: 5 })).nextCursor).toBeUndefined();
        const filtered = await tg.events.list({ subject: 'acme', limit: 1 });
        expect((await tg.events.list({ subject: 'acme', limit: 5, cursor: filtered.nextCursor! })).items.map((e) => e.id)).toEqual(['c', 'd']);
      });
    });

    describe('DST windows', () => {
      // HOUR windows are exact hours aligned to the zone's offset: the local hour a fall-back
      // repeats is two windows, not one 2-hour window. (Empty windows are left out of the rows, so
      // each range has an event in its first hour too.)
      it('America/New_York 2024-11-03: 01:00 EDT and 01:00 EST are two HOUR windows', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest([
          ev('a', 's', '2024-11-03T04:30:00Z', { n: 1 }), // 00:30 EDT
          ev('b', 's', '2024-11-03T05:30:00Z', { n: 2 }), // 01:30 EDT
          ev('c', 's', '2024-11-03T06:30:00Z', { n: 4 }), // 01:30 EST
        ]);
        const q = { from: '2024-11-03T04:00:00Z', to: '2024-11-03T08:00:00Z', windowSize: 'HOUR', windowTimeZone: 'America/New_York' } as const;
        expect(simple(await query('n', q))).toEqual([
          { value: '1', from: '2024-11-03T04:00:00.000Z', to: '2024-11-03T05:00:00.000Z' },
          { value: '2', from: '2024-11-03T05:00:00.000Z', to: '2024-11-03T06:00:00.000Z' },
          { value: '4', from: '2024-11-03T06:00:00.000Z', to: '2024-11-03T07:00:00.000Z' },
        ]);
      });

      it('Europe/Berlin 2024-10-27: 02:00 CEST and 02:00 CET are two HOUR windows', async () => {
        await meter('n', 'SUM');
        await tg.events.ingest([
          ev('a', 's', '2024-10-26T23:30:00Z', { n: 1 }), // 01:30 CEST
          ev('b', 's', '2024-10-27T00:30:00Z', { n: 2 }), // 02:30 CEST
          ev('c', 's', '2024-10-27T01:30:00Z', { n: 4 }), // 02:30 CET
        ]);
        const q = { from: '2024-10-26T23:00:00Z', to: '2024-10-27T03:00:00Z', windowSize: 'HOUR', windowTimeZone: 'Europe/Berlin' } as const;
        expect(simple(await query('n', q))).toEqual([
          { value: '1', from: '2024-10-26T23:00:00.000Z', to: '2024-10-27T00:00:00.000Z' },
          { value: '2', from: '2024-10-27T00:00:00.000Z', to: '2024-10-27T01:00:00.000Z' },
          { value: '4', from: '2024-10-27T01:00:00.000Z', to: '2024-10-27T02:00:00.000Z' },
        ]);
      });
    });
  });
}
