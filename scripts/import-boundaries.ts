/**
 * The import-boundary check (DESIGN.md "Layers"): dependencies point one way,
 * errors ← core money/time ← schema ← core domains ← client, and a few domain edges never exist.
 * Run it with `npm run check:boundaries`; `test/architecture/boundaries.test.ts` runs it in `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One import in one file: where it points (a path from the project root) and whether it is type-only. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** A broken boundary: which rule, and the import that breaks it. */
export interface Violation {
  rule: string;
  edge: ImportEdge;
}

/** A rule: a name, and the edges it refuses. */
interface BoundaryRule {
  name: string;
  refuses(edge: ImportEdge): boolean;
}

const under = (p: string, dir: string): boolean => p === dir || p.startsWith(`${dir}/`) || p.startsWith(`${dir}.`);
const domainEdge = (layer: string, from: string, to: string) => (e: ImportEdge) => under(e.from, `${layer}/${from}`) && under(e.to, `${layer}/${to}`);
const LAYERS_WITH_DOMAINS = ['src/core', 'src/client', 'src/storage', 'adapters/memory', 'adapters/sql'];
const everyLayer = (from: string, to: string) => (e: ImportEdge) => LAYERS_WITH_DOMAINS.some((layer) => domainEdge(layer, from, to)(e));
const SCHEMA_MAY_RUN = ['src/core/money', 'src/core/time', 'src/core/is-record'];

/** The rules, in the words of DESIGN.md "Layers". */
export const BOUNDARY_RULES: readonly BoundaryRule[] = [
  { name: 'errors import nothing else of Tollgate', refuses: (e) => under(e.from, 'src/errors') && !under(e.to, 'src/errors') },
  {
    name: 'core money and time import no domain',
    refuses: (e) => (under(e.from, 'src/core/money') || under(e.from, 'src/core/time')) && under(e.to, 'src/core') && !SCHEMA_MAY_RUN.some((d) => under(e.to, d)),
  },
  {
    name: 'core imports nothing from client, storage, adapters or testing',
    refuses: (e) => under(e.from, 'src/core') && ['src/client', 'src/storage', 'src/testing', 'adapters'].some((d) => under(e.to, d)),
  },
  {
    name: 'schema imports core domains as types only (run time: money, time)',
    refuses: (e) => under(e.from, 'src/schema') && !e.typeOnly && under(e.to, 'src/core') && !SCHEMA_MAY_RUN.some((d) => under(e.to, d)),
  },
  { name: 'schema imports nothing from client, storage or adapters', refuses: (e) => under(e.from, 'src/schema') && ['src/client', 'src/storage', 'adapters'].some((d) => under(e.to, d)) },
  { name: 'storage imports nothing from client or adapters', refuses: (e) => under(e.from, 'src/storage') && (under(e.to, 'src/client') || under(e.to, 'adapters')) },
  { name: 'metering never depends on entitlements', refuses: everyLayer('metering', 'entitlements') },
  { name: 'subscriptions never depend on billing', refuses: everyLayer('subscriptions', 'billing') },
  { name: 'the ledger never depends on billing', refuses: everyLayer('ledger', 'billing') },
];

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The relative imports of one source file, resolved to root-relative paths without extension. */
export function importsOf(file: string, source: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const resolve = (spec: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.(ts|js)$/, '').replace(/\/index$/, '');
  for (const m of source.matchAll(IMPORT)) edges.push({ from: file, to: resolve(m[3]!), typeOnly: m[2] !== undefined });
  for (const m of source.matchAll(DYNAMIC)) edges.push({ from: file, to: resolve(m[1]!), typeOnly: false });
  return edges;
}

/** Every violation in a set of files (path from the root → source text). */
export function findViolations(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of files) {
    for (const edge of importsOf(file, source)) {
      for (const rule of BOUNDARY_RULES) if (rule.refuses(edge)) out.push({ rule: rule.name, edge });
    }
  }
  return out;
}

/** The TypeScript sources of the package (src/, adapters/), keyed by their path from `root`. */
export function packageSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts')) files.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  walk('src');
  walk('adapters');
  return files;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const violations = findViolations(packageSources(root));
  for (const v of violations) console.error(`${v.edge.from} → ${v.edge.to}${v.edge.typeOnly ? ' (type)' : ''}: ${v.rule}`);
  console.log(violations.length === 0 ? 'import boundaries: ok' : `import boundaries: ${violations.length} violation(s)`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}
