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

  it('saas-plans walks a trial, an upgrade and a cancel with the checks each implies', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/saas-plans.ts'], { cwd: root, timeout: 60_000 });
    expect(stdout).toContain('phase trial, period 2024-01-01T00:00:00.000Z → 2024-01-15T00:00:00.000Z');
    expect(stdout).toMatch(/Jan 10, trial, 800 calls: +api balance 200/);
    expect(stdout).toContain('refused (limit_reached)');
    expect(stdout).toMatch(/Jan 15, default phase: +api balance 5000/);
    expect(stdout).toMatch(/Jan 16, on pro: +api balance 50000, sso yes/);
    expect(stdout).toContain('canceled: canceled, ends 2024-02-01T00:00:00.000Z');
    expect(stdout).toMatch(/Feb 1, after the cancel: +api denied \(subscription_inactive\), sso no \(subscription_inactive\)/);
  });
});
