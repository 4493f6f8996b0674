import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md "Layers": the schema sits below the core domains. It may import the core's money and
 * time primitives (and `is-record`) at run time, and domain types with `import type` only; a
 * domain rule never runs from a schema.
 */
const schemaDir = fileURLToPath(new URL('../../src/schema', import.meta.url));
const RUNTIME_ALLOWED = /\/core\/(money|time|is-record)(\/|$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every `import ... from` / `export ... from` of a file that reaches into src/core, with whether it is type-only. */
function coreImports(text: string): Array<{ source: string; typeOnly: boolean }> {
  const statements = text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)';/gms);
  return [...statements]
    .filter((m) => /(^|\/)core(\/|$)/.test(m[1] as string))
    .map((m) => ({ source: m[1] as string, typeOnly: /^(?:import|export)\s+type\b/.test(m[0]) }));
}

describe('src/schema layering', () => {
  it('imports nothing from a core domain at run time', () => {
    const offending = sourceFiles(schemaDir).flatMap((file) =>
      coreImports(readFileSync(file, 'utf8'))
        .filter((i) => !i.typeOnly && !RUNTIME_ALLOWED.test(i.source))
        .map((i) => `${relative(schemaDir, file)} → ${i.source}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds the imports it checks (the scan itself works)', () => {
    const found = coreImports("import { a } from '../core/money';\nimport type {\n  B,\n} from '../core/pricing/price';\n");
    expect(found).toEqual([
      { source: '../core/money', typeOnly: false },
      { source: '../core/pricing/price', typeOnly: true },
    ]);
  });
});
