import { pricingStateError } from './errors';
import { ZERO } from '../money';
import type { CompiledModel, CompiledPrice } from './compiled-price';
import { priceDynamic } from './dynamic-price';
import { priceFlat } from './flat-price';
import { priceGraduated } from './graduated-tiered-price';
import { priceMatrix } from './matrix-price';
import { pricePackage } from './package-price';
import { sumLines, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';
import { maximumSpendLine, minimumSpendLine } from './spend-limits';
import { priceUnit } from './unit-price';
import { billableByEntry, billableQuantity } from './usage-discount';
import type { UsageRange } from './usage-range';
import type { UsageRequest } from './usage-request';
import { priceVolume } from './volume-tiered-price';

/**
 * The detailed lines of a part of a period, in the order of operations of docs/semantics.md
 * "Pricing": usage discount → price → maximum-spend cap → minimum-spend commitment (when the part
 * ends the period). Every line is rounded once; the amount is their sum.
 *
 * @throws StateError (reason `progressive_volume`) for a volume price with a pre-line quantity.
 * @internal
 */
export function priceRequest(price: CompiledPrice, request: UsageRequest, ctx: PricingContext): DetailedLine[] {
  const model = price.model;
  if (model.type === 'flat') return priceFlat(model, ctx);
  assertSplittable(model, request);
  const lines = partLines(model, request, ctx);
  const { maximumAmount } = price;
  const minimumAmount = request.periodEnd ? request.minimumAmount : undefined;
  if (maximumAmount === undefined && minimumAmount === undefined) return lines;

  const part = sumLines(lines);
  const previous = request.periodStart ? 0n : sumLines(previousLines(model, request, ctx));
  if (maximumAmount !== undefined) {
    const cap = maximumSpendLine(maximumAmount, previous, part, ctx);
    if (cap) lines.push(cap);
  }
  if (minimumAmount !== undefined) {
    const commitment = minimumSpendLine(minimumAmount, previous + part, ctx);
    if (commitment) lines.push(commitment);
  }
  return lines;
}

/** A volume price is priced on the whole period only. */
function assertSplittable(model: CompiledModel, request: UsageRequest): void {
  if (model.type === 'volume' && !request.periodStart) {
    throw pricingStateError(
      `a volume price prices the whole period's quantity at once; it cannot bill a later part of a period (preLinePeriodQuantity ${request.pre.toFixed()})`,
      'progressive_volume',
    );
  }
}

/** This part's usage and flat lines: the range (pre′, pre′ + q′]. */
function partLines(model: Exclude<CompiledModel, { type: 'flat' }>, request: UsageRequest, ctx: PricingContext): DetailedLine[] {
  if (model.type === 'matrix') {
    const state = request.matrix ?? { pre: [], post: [] };
    if (request.free.isZero()) return priceMatrix(model, state.pre, state.post, ctx);
    return priceMatrix(model, billableByEntry(state.pre, request.free), billableByEntry(state.post, request.free), ctx);
  }
  const range: UsageRange = {
    from: billableQuantity(request.pre, request.free),
    to: billableQuantity(request.pre.isZero() ? request.quantity : request.pre.plus(request.quantity), request.free),
    firstPart: request.periodStart,
  };
  return scalarLines(model, range, ctx);
}

/** What the unsplit price charges for the earlier parts' usage: the range (0, pre′], first part. */
function previousLines(model: Exclude<CompiledModel, { type: 'flat' }>, request: UsageRequest, ctx: PricingContext): DetailedLine[] {
  if (model.type === 'matrix') {
    const state = request.matrix ?? { pre: [], post: [] };
    const before = billableByEntry(state.pre, request.free);
    return priceMatrix(model, before.map(() => ZERO), before, ctx);
  }
  const range: UsageRange = { from: ZERO, to: billableQuantity(request.pre, request.free), firstPart: true };
  return scalarLines(model, range, ctx);
}

function scalarLines(model: Exclude<CompiledModel, { type: 'flat' | 'matrix' }>, range: UsageRange, ctx: PricingContext): DetailedLine[] {
  switch (model.type) {
    case 'unit':
      return priceUnit(model, range, ctx);
    case 'package':
      return pricePackage(model, range, ctx);
    case 'graduated':
      return priceGraduated(model.tiers, range, ctx);
    case 'volume':
      return priceVolume(model.tiers, range, ctx);
    case 'dynamic':
      return priceDynamic(model, range, ctx);
  }
}

