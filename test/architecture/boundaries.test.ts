import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations, importsOf, packageSources } from '../../scripts/import-boundaries';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('import boundaries (DESIGN.md "Layers")', () => {
  it('the package breaks none', () => {
    const violations = findViolations(packageSources(root)).map((v) => `${v.edge.from} → ${v.edge.to}: ${v.rule}`);
    expect(violations).toEqual([]);
  });

  it.each([
    ['src/core/pricing/x.ts', "import { a } from '../../client';", 'core imports nothing from client, storage, adapters or testing'],
    ['src/core/pricing/x.ts', "import type { R } from '../../storage';", 'core imports nothing from client, storage, adapters or testing'],
    ['src/schema/x.ts', "import { compileJsonPath } from '../core/metering';", 'schema imports core domains as types only (run time: money, time)'],
    ['src/core/metering/x.ts', "import { burnDown } from '../entitlements';", 'metering never depends on entitlements'],
    ['src/client/metering/x.ts', "import type { T } from '../entitlements/usage-tracker';", 'metering never depends on entitlements'],
    ['src/core/subscriptions/x.ts', "import { line } from '../billing/lines';", 'subscriptions never depend on billing'],
    ['src/core/ledger/x.ts', "export { a } from '../billing';", 'the ledger never depends on billing'],
    ['src/storage/x.ts', "import { createTollgate } from '../client';", 'storage imports nothing from client or adapters'],
    ['src/errors/x.ts', "import { Dec } from '../core/money';", 'errors import nothing else of Tollgate'],
    ['src/core/time/x.ts', "import { burnDown } from '../entitlements';", 'core money and time import no domain'],
  ])('refuses %s: %s', (file, source, rule) => {
    expect(findViolations(new Map([[file, source]])).map((v) => v.rule)).toEqual([rule]);
  });

  it.each([
    ['src/schema/x.ts', "import type { Price } from '../core/pricing';"],
    ['src/schema/x.ts', "import { parseDecimal } from '../core/money';"],
    ['src/core/entitlements/x.ts', "import { ExactSum } from '../metering';"],
    ['src/client/entitlements/x.ts', "import type { IngestObserver } from '../metering/ingest-observer';"],
  ])('allows %s: %s', (file, source) => {
    expect(findViolations(new Map([[file, source]]))).toEqual([]);
  });

  it('reads multi-line, re-export and dynamic imports', () => {
    const source = "import {\n  a,\n  b,\n} from './a';\nexport type { C } from '../c';\nconst d = await import('./d/index.ts');";
    expect(importsOf('src/core/x/y.ts', source)).toEqual([
      { from: 'src/core/x/y.ts', to: 'src/core/x/a', typeOnly: false },
      { from: 'src/core/x/y.ts', to: 'src/core/c', typeOnly: true },
      { from: 'src/core/x/y.ts', to: 'src/core/x/d', typeOnly: false },
    ]);
  });
});
