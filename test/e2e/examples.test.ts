import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const scripts = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** Every example script runs to completion, so the docs never rot. */
describe('examples', () => {
  it('has examples to run', () => {
    expect(scripts).toContain('quickstart.ts');
  });

  it.each(scripts)('examples/%s runs', async (script) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', `examples/${script}`], { cwd: root, timeout: 60_000 });
    expect(stdout.length).toBeGreaterThan(0);
  });

  it('the quickstart prints what it did', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/quickstart.ts'], { cwd: root, timeout: 60_000 });
    expect(stdout).toContain('applied 0001_customers');
    expect(stdout).toContain('refused: Subject key acme-prod already belongs to another customer');
    expect(stdout).toContain('2024-01-31, 2024-02-29, 2024-03-31, 2024-04-30');
    expect(stdout).toContain('2024-03-11T04:00:00.000Z');
  });
});
