import { describe, expectTypeOf, it } from 'vitest';
import {
  type Aggregation,
  type EventInput,
  type IngestResult,
  type Meter,
  type MeterCreateInput,
  type MeterQueryInput,
  type MeterQueryRow,
  type Page,
  type UsageEvent,
  createTollgate,
} from 'tollgate';

describe('metering types', () => {
  it('meters and events services return typed results', () => {
    const tg = createTollgate();
    expectTypeOf(tg.meters.create).returns.resolves.toEqualTypeOf<Meter>();
    expectTypeOf(tg.meters.list).returns.resolves.toEqualTypeOf<Page<Meter>>();
    expectTypeOf(tg.meters.query).returns.resolves.toEqualTypeOf<{ data: MeterQueryRow[] }>();
    expectTypeOf(tg.events.ingest).returns.resolves.toEqualTypeOf<IngestResult>();
    expectTypeOf(tg.events.list).returns.resolves.toEqualTypeOf<Page<UsageEvent>>();
  });

  it('query rows carry decimal strings and Dates', () => {
    expectTypeOf<MeterQueryRow['value']>().toEqualTypeOf<string>();
    expectTypeOf<MeterQueryRow['windowStart']>().toEqualTypeOf<Date>();
    expectTypeOf<MeterQueryRow['groupBy']>().toEqualTypeOf<Record<string, string | null>>();
    expectTypeOf<MeterQueryRow['customerId']>().toEqualTypeOf<string | undefined>();
  });

  it('inputs: aggregations are a closed set; windows and instants are typed', () => {
    expectTypeOf<MeterCreateInput['aggregation']>().toEqualTypeOf<Aggregation>();
    expectTypeOf<'SUM'>().toMatchTypeOf<Aggregation>();
    expectTypeOf<'MEDIAN'>().not.toMatchTypeOf<Aggregation>();
    expectTypeOf<MeterQueryInput['windowSize']>().toEqualTypeOf<'MINUTE' | 'HOUR' | 'DAY' | 'MONTH' | undefined>();
    expectTypeOf<MeterQueryInput['from']>().toEqualTypeOf<Date | string | undefined>();
    expectTypeOf<EventInput['time']>().toEqualTypeOf<Date | string | undefined>();
    expectTypeOf(createTollgate().events.ingest).parameter(0).toEqualTypeOf<EventInput | readonly EventInput[]>();
  });
});
