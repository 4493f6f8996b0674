import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from '../../../adapters/postgres/array-literal';
import { type PostgresQueryable, rowsOf } from '../../../adapters/postgres/postgres-client';
import { databaseUrl } from '../../support/postgres-target';

const TRICKY = ['plain', '', 'NULL', 'null', 'a"b', 'back\\slash', '\\"', '{braces}', 'a,b', ' spaced ', 'üñí', '😀 pair', '{"model":"gpt-4o","n":1}', 'JSON escapes \\n \\u0001'];

describe('arrayLiteral', () => {
  it('writes strings, numbers and nulls as one literal', () => {
    expect(arrayLiteral(['a', 'b"c', null])).toBe('{"a","b\\"c",null}');
    expect(arrayLiteral([1, -2, 0.5])).toBe('{1,-2,0.5}');
    expect(arrayLiteral([])).toBe('{}');
  });

  it('declines what JSON would escape differently from Postgres, and what is not a flat scalar', () => {
    for (const odd of ['line\nbreak', 'tab\t', '\u0001', 'lone \ud800 high', 'lone \udc00 low']) expect(arrayLiteral(['ok', odd])).toBeUndefined();
    for (const odd of [Number.NaN, Number.POSITIVE_INFINITY, undefined, true, {}, ['nested'], new Date(0), 1n]) expect(arrayLiteral([odd])).toBeUndefined();
  });
});

describe('bound arrays read back unchanged', () => {
  let conn: PostgresQueryable;
  let close: () => Promise<void>;

  beforeAll(async () => {
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      conn = client;
      close = () => client.end();
    } else {
      const db = await PGlite.create();
      conn = db;
      close = () => db.close();
    }
  });
  afterAll(() => close());

  it('text, through the literal', async () => {
    const values = [...TRICKY, null];
    expect(arrayLiteral(values)).toBeDefined();
    const [row] = await rowsOf<{ a: unknown }>(conn, 'SELECT $1::text[] AS a', [values]);
    expect(row!.a).toEqual(values);
  });

  it('text the literal declines, through the driver', async () => {
    const values = ['line\nbreak', 'tab\tand "quote"', 'x'];
    const [row] = await rowsOf<{ a: unknown }>(conn, 'SELECT $1::text[] AS a', [values]);
    expect(row!.a).toEqual(values);
  });

  it('bigint and numeric, exactly', async () => {
    const [row] = await rowsOf<{ b: unknown; n: unknown }>(conn, 'SELECT $1::bigint[]::text[] AS b, $2::numeric[]::text[] AS n', [
      [9007199254740991, -1, 0, null],
      ['0.1', '12345678901234567890.000000000001', null],
    ]);
    expect(row!.b).toEqual(['9007199254740991', '-1', '0', null]);
    expect(row!.n).toEqual(['0.1', '12345678901234567890.000000000001', null]);
  });
});
