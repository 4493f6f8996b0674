import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
/** The modules a file imports or re-exports from (comments, such as doc examples, left out). */
const importsOf = (file: string): string[] => {
  const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
};

describe('src/storage layering', () => {
  it('imports neither the client nor any adapter', () => {
    const offenders = files('src/storage').flatMap((f) =>
      importsOf(f)
        .filter((spec) => /(^|\/)(client|adapters)(\/|$)/.test(spec) || spec.startsWith('tollgate'))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
