import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postgresDialect, sqliteDialect } from '../../../adapters/sql';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('shared SQL (adapters/sql)', () => {
  it('never branches on the dialect name: differences are SqlDialect members', () => {
    const offenders = files('adapters/sql').filter((f) => /\.name\s*[!=]==/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders.map((f) => relative(root, join(root, f)))).toEqual([]);
  });

  it('gives both dialects every member', () => {
    expect(Object.keys(sqliteDialect).sort()).toEqual(Object.keys(postgresDialect).sort());
  });
});
