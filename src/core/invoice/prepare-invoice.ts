import { ValidationError, type ValidationIssue } from '../../errors';
import { z } from 'zod';
import { rateCardInput, simulateInvoiceInputSchema, type SimulateInvoiceInput } from '../../schema/invoice-input';
import { nonNegativeDecimalInput, usageQuantitiesShape } from '../../schema/price';
import { toValidationIssues } from '../../schema/validate';
import { CURRENCY_CODE_PATTERN, CurrencyRegistry } from '../money';
import { currencyPrecision } from '../pricing/price-usage';
import type { PricingContext } from '../pricing/pricing-context';
import { resolveUsageRequest, type UsageFields, type UsageRequest } from '../pricing/usage-request';
import { compileValidRateCard, isCompiledRateCard, type CompiledRateCard } from './compiled-rate-card';
import type { MsPeriod } from './proration';
import { taxRule, type TaxRule } from './tax';

/** The usage fields of a raw line, read loosely (the line's other fields are checked elsewhere). */
const usageFieldsSchema = z.object(usageQuantitiesShape);

/** `simulateInvoice`'s input after its schema. @internal */
export type ParsedInvoiceInput = ReturnType<typeof simulateInvoiceInputSchema.parse>;
/** One line of it. @internal */
export type ParsedInvoiceLine = ParsedInvoiceInput['lines'][number];

/** A line ready to be priced: its rate card compiled, its usage read, its periods in milliseconds. @internal */
export interface PreparedLine {
  readonly index: number;
  readonly card: CompiledRateCard;
  /** The usage to price (usage-based lines only). */
  readonly request: UsageRequest | undefined;
  readonly period: MsPeriod;
  readonly fullPeriod: MsPeriod | undefined;
}

/** `simulateInvoice`'s input, validated and read. @internal */
export interface PreparedInvoice {
  readonly input: ParsedInvoiceInput;
  readonly ctx: PricingContext;
  readonly lines: readonly PreparedLine[];
  /** The invoice's default tax. */
  readonly tax: TaxRule | undefined;
}

/**
 * Validates the whole input of `simulateInvoice` at once and reads it: the schema (every rate
 * card, price, period, coupon, credit), the currency against the registry, and what only a
 * price can tell about its line's usage (matrix combinations). Nothing is priced before every
 * problem is known.
 * @throws ValidationError listing every problem, with paths such as `lines[2].rateCard.price.tiers[1].upTo`.
 * @internal
 */
export function prepareInvoice(input: SimulateInvoiceInput): PreparedInvoice {
  const result = simulateInvoiceInputSchema.safeParse(input);
  if (!result.success) throw new ValidationError([...toValidationIssues(result.error.issues), ...crossCheckRaw(input)]);

  const data = result.data;
  const issues: ValidationIssue[] = [];
  const precision = currencyPrecision(data.currency, data.currencies, issues);
  const lines = data.lines.map((line, index) => prepareLine(line, index, issues));
  if (issues.length > 0 || precision === undefined) throw new ValidationError(issues);
  return {
    input: data,
    ctx: { precision, rounding: data.rounding ?? 'half_up' },
    lines,
    tax: data.taxConfig === undefined ? undefined : taxRule(data.taxConfig),
  };
}

function prepareLine(line: ParsedInvoiceLine, index: number, issues: ValidationIssue[]): PreparedLine {
  const card = isCompiledRateCard(line.rateCard) ? line.rateCard : compileValidRateCard(line.rateCard, false);
  return {
    index,
    card,
    request: readLineUsage(card, line, index, issues),
    period: toMsPeriod(line.period),
    fullPeriod: line.fullPeriod === undefined ? undefined : toMsPeriod(line.fullPeriod),
  };
}

/** Reads a line's usage against its price, pushing what does not match. */
function readLineUsage(card: CompiledRateCard, usage: UsageFields, index: number, issues: ValidationIssue[]): UsageRequest | undefined {
  const price = card.price;
  if (card.rateCard.type === 'usage_based' && price !== undefined) {
    const resolved = resolveUsageRequest(price, usage, card.usageDiscount, `lines[${index}]`);
    for (const issue of resolved.issues) issues.push(issue);
    return resolved.request;
  }
  if (usage.matrixUsage !== undefined) {
    issues.push({ path: `lines[${index}].matrixUsage`, code: 'unexpected_matrix_usage', message: 'a flat fee has no usage' });
  }
  return undefined;
}

function toMsPeriod(period: { from: Date; to: Date }): MsPeriod {
  return { from: period.from.getTime(), to: period.to.getTime() };
}

/**
 * When the schema failed, the checks it could not run: the currency against the registry, and
 * each line whose rate card and usage are valid on their own against its price.
 */
function crossCheckRaw(input: unknown): ValidationIssue[] {
  if (typeof input !== 'object' || input === null) return [];
  const raw = input as { currency?: unknown; currencies?: unknown; lines?: unknown };
  const issues: ValidationIssue[] = [];
  if (typeof raw.currency === 'string' && CURRENCY_CODE_PATTERN.test(raw.currency)) {
    const registry = raw.currencies === undefined || raw.currencies instanceof CurrencyRegistry ? raw.currencies : undefined;
    currencyPrecision(raw.currency, registry, issues);
  }
  if (Array.isArray(raw.lines)) {
    raw.lines.forEach((rawLine: unknown, index) => {
      const card = rateCardInput.safeParse((rawLine as { rateCard?: unknown } | null)?.rateCard);
      const usage = usageFieldsSchema.safeParse(rawLine);
      if (!card.success || !usage.success) return;
      const compiled = isCompiledRateCard(card.data) ? card.data : compileValidRateCard(card.data, false);
      readLineUsage(compiled, usage.data, index, issues);
    });
  }
  return issues;
}

/** A line a caller built from validated parts: a compiled rate card and periods it checked. @internal */
export interface TrustedLineInput {
  readonly card: CompiledRateCard;
  readonly period: MsPeriod;
  readonly fullPeriod: MsPeriod | undefined;
  /** The line's untrusted usage quantity (a usage line; matrix usage is not taken here). */
  readonly quantity?: unknown;
}

/** The invoice-wide fields of `simulateInvoice`'s input (everything but the lines). */
const envelopeSchema = simulateInvoiceInputSchema.omit({ lines: true });

/**
 * {@link prepareInvoice} for lines a caller built itself (billing's `billSubscription`): the rate
 * cards are compiled and the periods valid by construction, so only the invoice-wide fields and each
 * usage quantity are checked. Returns `undefined` when anything is invalid, so that the caller runs
 * {@link prepareInvoice} on the equivalent raw input and reports exactly its errors. @internal
 */
export function prepareTrustedInvoice(envelope: Omit<SimulateInvoiceInput, 'lines'>, lines: readonly TrustedLineInput[]): PreparedInvoice | undefined {
  const parsed = envelopeSchema.safeParse(envelope);
  if (!parsed.success || lines.length === 0) return undefined;
  const data = parsed.data;
  const issues: ValidationIssue[] = [];
  const precision = currencyPrecision(data.currency, data.currencies, issues);
  if (precision === undefined || issues.length > 0) return undefined;
  const prepared: PreparedLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as TrustedLineInput;
    let request: UsageRequest | undefined;
    if (line.card.rateCard.type === 'usage_based' && line.card.price !== undefined) {
      let quantity: UsageFields['quantity'];
      if (line.quantity !== undefined) {
        const q = nonNegativeDecimalInput.safeParse(line.quantity);
        if (!q.success) return undefined;
        quantity = q.data;
      }
      const resolved = resolveUsageRequest(line.card.price, { quantity }, line.card.usageDiscount, `lines[${index}]`);
      if (resolved.issues.length > 0) return undefined;
      request = resolved.request;
    }
    prepared.push({ index, card: line.card, request, period: line.period, fullPeriod: line.fullPeriod });
  }
  return {
    input: { ...data, lines: [] } as ParsedInvoiceInput,
    ctx: { precision, rounding: data.rounding ?? 'half_up' },
    lines: prepared,
    tax: data.taxConfig === undefined ? undefined : taxRule(data.taxConfig),
  };
}
