import { ValidationError } from '../../errors';
import { toValidationIssues } from '../../schema/validate';
import { rateCardSchema } from '../../schema/rate-card';
import type { RateCard } from '../catalog/rate-card';
import { parseDecimal, type Decimal } from '../money';
import { compileValidPrice } from '../pricing/compile-price';
import type { CompiledPrice } from '../pricing/compiled-price';
import { percentage, type Percentage } from './percentage-discount';
import { taxRule, type TaxRule } from './tax';

/** A rate card as its schema outputs it (instants read as `Date`s). @internal */
export type ParsedRateCard = ReturnType<typeof rateCardSchema.parse>;

/**
 * A rate card validated once and read into exact decimals (see {@link compileRateCard}), so that
 * invoices can be simulated many times without validating it again. Treat it as opaque: only
 * `rateCard` is meant to be read.
 */
export interface CompiledRateCard {
  /** Brand: tells a compiled rate card from a rate card input. */
  readonly kind: 'tollgate.compiled_rate_card';
  /** The rate card it was compiled from (a validated copy of the input, frozen). */
  readonly rateCard: Readonly<ParsedRateCard>;
  /** @internal The compiled price; `undefined` for a flat fee without a price. */
  readonly price: CompiledPrice | undefined;
  /** @internal The percentage discount (10 = 10 %). */
  readonly percentage: Percentage | undefined;
  /** @internal The free units. */
  readonly usageDiscount: Decimal | undefined;
  /** @internal The rate card's own tax. */
  readonly tax: TaxRule | undefined;
}

/**
 * True when `value` is a {@link CompiledRateCard}.
 * @example
 * isCompiledRateCard(compileRateCard(card)); // true
 */
export function isCompiledRateCard(value: unknown): value is CompiledRateCard {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'tollgate.compiled_rate_card';
}

/**
 * Validates a rate card once and reads it, for `simulateInvoice` lines that reuse it: a
 * compiled rate card is not validated again. Compiling a compiled rate card returns it unchanged.
 *
 * @param rateCard - the rate card (untrusted input).
 * @param path - where it sits in the caller's input, reported in errors.
 * @throws ValidationError listing every problem, e.g. `price.tiers[1].upTo` under `path`.
 * @example
 * const api = compileRateCard({ key: 'api', type: 'usage_based', feature: 'api_calls',
 *   billingCadence: 'P1M', price: { type: 'unit', amount: '0.002' } });
 * simulateInvoice({ currency: 'USD', lines: [{ rateCard: api, quantity: 1000, period }] });
 */
export function compileRateCard(rateCard: RateCard | CompiledRateCard, path = ''): CompiledRateCard {
  if (isCompiledRateCard(rateCard)) return rateCard;
  const result = rateCardSchema.safeParse(rateCard);
  if (!result.success) throw new ValidationError(toValidationIssues(result.error.issues, path));
  return compileValidRateCard(result.data, true);
}

/**
 * Compiles a rate card that has passed its schema; `card` must be the schema's output (a fresh
 * copy), frozen when `freeze` is true. @internal
 */
export function compileValidRateCard(card: ParsedRateCard, freeze: boolean): CompiledRateCard {
  const discounts = card.discounts;
  const compiled: CompiledRateCard = {
    kind: 'tollgate.compiled_rate_card',
    rateCard: freeze ? deepFreeze(card) : card,
    price: card.price === null ? undefined : compileValidPrice(card.price, freeze),
    percentage: discounts?.percentage === undefined ? undefined : percentage(parseDecimal(discounts.percentage)),
    usageDiscount: discounts?.usage === undefined ? undefined : parseDecimal(discounts.usage),
    tax: card.taxConfig === undefined ? undefined : taxRule(card.taxConfig),
  };
  return freeze ? Object.freeze(compiled) : compiled;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
