import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The package's own subpaths resolve to the sources, so tests import what users import. */
const alias = {
  'tollgate/core': here('./src/core/index.ts'),
  'tollgate/testing': here('./src/testing/index.ts'),
  'tollgate/storage': here('./src/storage/index.ts'),
  'tollgate/adapters/memory': here('./adapters/memory/index.ts'),
  'tollgate/adapters/sqlite': here('./adapters/sqlite/index.ts'),
  'tollgate/adapters/postgres': here('./adapters/postgres/index.ts'),
  tollgate: here('./src/index.ts'),
};

const project = (name: string, include: string[], extra: Record<string, unknown> = {}) => ({
  resolve: { alias },
  test: { name, include, testTimeout: 30_000, hookTimeout: 60_000, ...extra },
});

export default defineConfig({
  test: {
    projects: [
      project('core', ['test/core/**/*.test.ts', 'test/vectors/**/*.test.ts', 'test/errors/**/*.test.ts', 'test/schema/**/*.test.ts']),
      project('client', ['test/client/**/*.test.ts', 'test/architecture/**/*.test.ts']),
      project('memory', ['test/adapters/memory/**/*.test.ts']),
      project('sqlite', ['test/adapters/sqlite/**/*.test.ts']),
      project('postgres', ['test/adapters/postgres/**/*.test.ts'], { fileParallelism: false }),
      project('e2e', ['test/e2e/**/*.test.ts', 'examples/**/*.test.ts']),
      project('types', [], { typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' } }),
    ],
  },
});
