import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    testing: 'src/testing/index.ts',
    storage: 'src/storage/index.ts',
    'adapters/memory': 'adapters/memory/index.ts',
    'adapters/sqlite': 'adapters/sqlite/index.ts',
    'adapters/postgres': 'adapters/postgres/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
  external: ['better-sqlite3', 'pg', 'vitest'],
});
