import { formatDecimal, parseDecimal } from '../money';

/** Fields of rate cards that hold a `Numeric` (decimal) value. */
const NUMERIC_FIELDS = new Set([
  'amount',
  'upTo',
  'unitAmount',
  'flatAmount',
  'quantityPerPackage',
  'multiplier',
  'minimumAmount',
  'maximumAmount',
  'percentage',
  'usage',
  'rate',
]);

/**
 * A copy of a JSON value in which every finite number held by a `Numeric` field becomes its
 * canonical decimal string (`12.5` → `"12.5"`), so stored catalog data reads back as Tollgate
 * outputs do. Anything else is copied unchanged.
 */
export function canonicalizeNumerics<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, field: string | undefined): unknown {
  if (typeof value === 'number' && field !== undefined && NUMERIC_FIELDS.has(field) && Number.isFinite(value)) {
    return formatDecimal(parseDecimal(value));
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, undefined));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
  }
  return value;
}
