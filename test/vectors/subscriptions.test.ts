import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, StateError, type Storage, type Tollgate, ValidationError, createTollgate } from 'tollgate';
import { memoryStorage } from 'tollgate/adapters/memory';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { TestClock } from 'tollgate/testing';
import { postgresTarget } from '../support/postgres-target';
import { FIXTURE_PLANS, billingFixtures, ingestCalls, publishPlan } from '../support/subscription-fixtures';

/**
 * BILLING.md §3's worked scenarios, their subscription-level facts (status, dates, anchor, periods,
 * phases and item versions, shared entitlements, checks, errors) as data: `subscriptions.json`.
 * Each step may set the clock (`at`), then acts and compares its result with `expect` (a subset;
 * instants as ISO strings) or its error with `error`. In `expect` and inputs, `$name` is the id of
 * the subscription a step stored `as` name; in `expect`, `@name` binds a value the first time it is
 * seen (it must be a non-empty string) and must equal it afterwards, and `!@name` must differ from it.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Step {
  at?: string;
  do: string;
  sub?: string;
  as?: string;
  input?: Json;
  customer?: string;
  feature?: string;
  count?: number;
  time?: string;
  plan?: string;
  expect?: Json;
  error?: { class: string; reason?: string; code?: string; path?: string; target?: string; resource?: string };
}

interface Scenario {
  name: string;
  rules: string[];
  start?: string;
  customer?: { currency?: string | null; timezone?: string };
  steps: Step[];
}

const file = JSON.parse(readFileSync(new URL('./subscriptions.json', import.meta.url), 'utf8')) as { scenarios: Scenario[] };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const CLASSES: Record<string, new (...args: never[]) => Error> = { ValidationError, StateError, ConflictError, NotFoundError };

/** A result as JSON: instants become ISO strings. */
const plain = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

class Replay {
  readonly ids = new Map<string, string>();
  readonly bound = new Map<string, Json>();
  constructor(
    readonly tg: Tollgate,
    readonly clock: TestClock,
  ) {}

  /** `$name` → the id stored under name, recursively. */
  resolve(value: Json | undefined): Json | undefined {
    if (typeof value === 'string' && value.startsWith('$')) {
      const id = this.ids.get(value.slice(1));
      if (id === undefined) throw new Error(`no subscription stored as ${value}`);
      return id;
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v) as Json);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v) as Json]));
    return value;
  }

  /** The expectation with ids resolved, instants normalised and `@name` bindings checked against `actual`. */
  expected(want: Json, actual: Json, where: string): Json {
    if (typeof want === 'string') {
      const negate = want.startsWith('!@');
      if (negate || want.startsWith('@')) {
        const name = want.slice(negate ? 2 : 1);
        const seen = this.bound.get(name);
        if (negate) {
          expect(seen, `${where}: ${want} needs ${name} bound first`).toBeDefined();
          expect(actual, `${where}: must differ from @${name}`).not.toEqual(seen);
          expect(typeof actual === 'string' && actual.length > 0, `${where}: an id`).toBe(true);
          return actual;
        }
        if (seen === undefined) {
          expect(typeof actual === 'string' && actual.length > 0, `${where}: @${name} binds an id, got ${JSON.stringify(actual)}`).toBe(true);
          this.bound.set(name, actual);
          return actual;
        }
        return seen;
      }
      if (ISO.test(want)) return new Date(want).toISOString();
      return this.resolve(want) as Json;
    }
    if (Array.isArray(want)) return want.map((w, i) => this.expected(w, Array.isArray(actual) ? (actual[i] ?? null) : null, `${where}[${i}]`));
    if (want !== null && typeof want === 'object') {
      const a = actual !== null && typeof actual === 'object' && !Array.isArray(actual) ? actual : {};
      return Object.fromEntries(Object.entries(want).map(([k, w]) => [k, this.expected(w, a[k] ?? null, `${where}.${k}`)]));
    }
    return want;
  }

  id(step: Step): string {
    const id = this.ids.get(step.sub ?? '');
    if (id === undefined) throw new Error(`no subscription stored as ${step.sub}`);
    return id;
  }

  async act(step: Step): Promise<unknown> {
    const { tg } = this;
    const input = this.resolve(step.input) as never;
    switch (step.do) {
      case 'create':
        return tg.subscriptions.create({ customer: step.customer ?? 'acme', ...(input as object) } as never);
      case 'edit':
        return tg.subscriptions.edit(this.id(step), input);
      case 'cancel':
        return tg.subscriptions.cancel(this.id(step), input);
      case 'continue':
        return tg.subscriptions.continue(this.id(step));
      case 'change':
        return tg.subscriptions.change(this.id(step), input);
      case 'migrate':
        return tg.subscriptions.migrate(this.id(step), input ?? {});
      case 'delete':
        return tg.subscriptions.delete(this.id(step));
      case 'get':
        return tg.subscriptions.get(this.id(step));
      case 'list':
        return tg.subscriptions.list(input ?? {});
      case 'timeline':
        return tg.subscriptions.timeline(this.id(step), input ?? {});
      case 'check':
        return tg.entitlements.check(step.customer ?? 'acme', step.feature ?? 'api_calls', input ?? {});
      case 'ingest':
        return ingestCalls(tg, step.count ?? 1, step.time ?? this.clock.now().toISOString(), step.customer ?? 'acme');
      case 'grant':
        return tg.grants.create({ customer: step.customer ?? 'acme', feature: step.feature ?? 'api_calls' }, input);
      case 'entitlement':
        return tg.entitlements.create({ customer: step.customer ?? 'acme', feature: step.feature ?? 'api_calls', ...(input as object) } as never);
      case 'customer':
        return tg.customers.create(input);
      case 'plan':
        return publishPlan(tg, step.plan !== undefined ? { ...FIXTURE_PLANS[step.plan]!(), ...(input as object) } : input);
      default:
        throw new Error(`unknown step ${step.do}`);
    }
  }
}

async function replay(s: Scenario, storage: Storage): Promise<void> {
  const clock = new TestClock(s.start ?? '2024-01-01T00:00:00Z');
  const tg = createTollgate({ storage, clock });
  try {
    await tg.migrate();
    await billingFixtures(tg, s.customer ?? {});
    const r = new Replay(tg, clock);
    for (const [i, step] of s.steps.entries()) {
      const where = `${s.name}: step ${i} (${step.do}${step.sub === undefined ? '' : ` ${step.sub}`})`;
      if (step.at !== undefined) clock.set(step.at);
      let result: unknown;
      let failure: unknown;
      try {
        result = await r.act(step);
      } catch (error) {
        failure = error;
      }
      if (step.error !== undefined) {
        expect(failure, `${where}: should fail`).toBeInstanceOf(CLASSES[step.error.class]!);
        const e = failure as Record<string, unknown>;
        if (step.error.reason !== undefined) expect(e.reason, where).toBe(step.error.reason);
        if (step.error.target !== undefined) expect(e.target, where).toBe(step.error.target);
        if (step.error.resource !== undefined) expect(e.resource, where).toBe(step.error.resource);
        if (step.error.code !== undefined || step.error.path !== undefined) {
          const issues = (failure as ValidationError).issues.map((x) => ({ ...(step.error!.code !== undefined && { code: x.code }), ...(step.error!.path !== undefined && { path: x.path }) }));
          expect(issues, where).toContainEqual({ ...(step.error.code !== undefined && { code: step.error.code }), ...(step.error.path !== undefined && { path: step.error.path }) });
        }
        continue;
      }
      if (failure !== undefined) throw new Error(`${where}: ${String(failure)}`, { cause: failure });
      if (step.as !== undefined) {
        const stored = result as { id?: string; current?: { id: string }; next?: { id: string } };
        r.ids.set(step.as, stored.next?.id ?? stored.id!);
      }
      if (step.expect !== undefined) {
        const actual = plain(result);
        expect(actual, where).toMatchObject(r.expected(step.expect, actual, where) as object);
      }
    }
  } finally {
    await tg.close();
  }
}

describe('subscription vectors through the facade (BILLING.md §3)', () => {
  it('covers the named scenarios, each with its rules and a unique name', () => {
    const names = file.scenarios.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const covered = new Set(names.map((n) => n.split(' ')[0]));
    const wanted = ['S8', 'S9', 'S10', 'S11', 'S12', 'S13', 'S14', 'S15', 'S16', 'S17', 'S22', 'S23', 'S24', 'S25', 'S26', 'S27', 'S28', 'S31', 'S32', 'S33', 'S34', 'S35', 'S36', 'S37', 'S46', 'S51'];
    expect(wanted.filter((w) => !covered.has(w))).toEqual([]);
    for (const s of file.scenarios) {
      expect(s.rules.length, s.name).toBeGreaterThan(0);
      expect(s.steps.some((step) => step.expect !== undefined || step.error !== undefined), `${s.name} asserts something`).toBe(true);
    }
  });

  const cases = file.scenarios.map((s) => [s.name, s] as const);

  describe('memory', () => {
    it.each(cases)('%s', async (_name, s) => {
      await replay(s, memoryStorage());
    });
  });

  describe('SQLite (file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-subscription-vectors-'));
    let n = 0;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it.each(cases)('%s', async (_name, s) => {
      const database = new Database(join(dir, `v${n++}.db`));
      try {
        await replay(s, sqliteStorage({ database }));
      } finally {
        database.close();
      }
    });
  });

  describe(process.env.DATABASE_URL ? 'Postgres (server)' : 'Postgres (PGlite)', () => {
    it.each(cases)('%s', async (_name, s) => {
      const target = await postgresTarget();
      try {
        await replay(s, target.open());
      } finally {
        await target.teardown?.();
      }
    });
  });
});
