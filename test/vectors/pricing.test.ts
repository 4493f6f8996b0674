import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StateError, ValidationError } from '../../src/errors';
import { CurrencyRegistry } from '../../src/core/money';
import { priceUsage } from '../../src/core/pricing';
import { simulateInvoice } from '../../src/core/invoice';

/** One table-driven case of `pricing.json`. */
interface PricingCase {
  name: string;
  fn: 'priceUsage' | 'simulateInvoice';
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
  arithmetic: string;
}

const file = JSON.parse(readFileSync(new URL('./pricing.json', import.meta.url), 'utf8')) as { cases: PricingCase[] };

/** Runs a case's function on its input; custom currencies become a registry. */
function run(c: PricingCase): unknown {
  const { customCurrencies, ...input } = c.input as { customCurrencies?: Record<string, { precision: number }> } & Record<string, unknown>;
  const currencies = customCurrencies ? { currencies: new CurrencyRegistry(customCurrencies) } : {};
  if (c.fn === 'priceUsage') {
    const { price, options } = input as { price: never; options: Record<string, unknown> };
    return priceUsage(price, { ...options, ...currencies } as never);
  }
  return simulateInvoice({ ...input, ...currencies } as never);
}

/** Dates become ISO strings, so results compare with JSON. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Asserts that `expected` is a deep subset of `actual`: every expected key, with equal strings
 * (decimals compare as strings); arrays must have the same length.
 */
function expectSubset(actual: unknown, expected: unknown, path = 'result'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path}.length`).toBe(expected.length);
    expected.forEach((item, i) => expectSubset(list[i], item, `${path}[${i}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual === 'object' && actual !== null, `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(expected)) expectSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}

function sortIssues(issues: ReadonlyArray<{ path: string; code: string }>): string[] {
  return issues.map((i) => `${i.path} ${i.code}`).sort();
}

describe('pricing vectors', () => {
  it('has at least 60 cases, each with its arithmetic written out and a unique name', () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(60);
    for (const c of file.cases) expect(c.arithmetic.trim().length, c.name).toBeGreaterThan(0);
    expect(new Set(file.cases.map((c) => c.name)).size).toBe(file.cases.length);
  });

  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const expected = c.expected as { error?: string; issues?: Array<{ path: string; code: string }>; reason?: string };
    if (expected.error === undefined) {
      expectSubset(plain(run(c)), c.expected);
      return;
    }
    let thrown: unknown;
    try {
      run(c);
    } catch (error) {
      thrown = error;
    }
    if (expected.error === 'ValidationError') {
      expect(thrown).toBeInstanceOf(ValidationError);
      expect(sortIssues((thrown as ValidationError).issues)).toEqual(sortIssues(expected.issues ?? []));
    } else {
      expect(thrown).toBeInstanceOf(StateError);
      expect((thrown as StateError).reason).toBe(expected.reason);
    }
  });
});
