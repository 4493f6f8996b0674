import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The README's first example is real code: it runs, and prints what its comments promise. */
describe('README', () => {
  it('the first-screen example runs and prints what its comments say', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("from 'tollgate'");
    mkdirSync(new URL('../../.tmp/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../../.tmp/readme-example.ts', import.meta.url), example!);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '.tmp/readme-example.ts'], { cwd: root, timeout: 60_000 });
    expect(stdout.trim()).toBe('true 9999 1 65.00');
  });
});
