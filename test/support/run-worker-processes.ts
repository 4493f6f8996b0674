import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConformanceJob, ConformanceJobResult } from '../../src/storage/conformance';

const workerScript = fileURLToPath(new URL('./conformance-worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Starts `job.workers` OS processes on one database, waits until each has opened it, releases
 * them at once so their transactions overlap, and collects their results.
 */
export async function runWorkerProcesses(
  kind: 'sqlite' | 'postgres',
  location: string,
  schema: string,
  job: ConformanceJob,
): Promise<ConformanceJobResult[]> {
  const children = Array.from({ length: job.workers }, (_, worker) =>
    spawn(process.execPath, ['--import', 'tsx', workerScript, kind, location, schema, String(worker), JSON.stringify(job)], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map((child) => {
    let stdout = '';
    let stderr = '';
    let onReady!: () => void;
    const ready = new Promise<void>((resolve) => (onReady = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith('ready\n')) onReady();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<ConformanceJobResult>((resolve, reject) => {
      child.on('exit', (code) => {
        if (code !== 0) return reject(new Error(`worker exited with ${code}: ${stderr}`));
        const last = stdout.trim().split('\n').pop() ?? '';
        resolve(JSON.parse(last) as ConformanceJobResult);
      });
      child.on('error', reject);
    });
    return { ready, done };
  });
  await Promise.race([
    Promise.all(outputs.map((o) => o.ready)),
    Promise.all(outputs.map((o) => o.done)).then(() => {
      throw new Error('a worker exited before it was ready');
    }),
  ]);
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(outputs.map((o) => o.done));
}
