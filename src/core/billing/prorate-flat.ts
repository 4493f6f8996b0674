import { prorate, prorationRatio, type ProrationMode } from '../invoice/proration';
import { parseNonNegativeDecimal, type CurrencyRegistry, type RoundingMode } from '../money';
import type { NumericInput } from '../pricing/price';
import { formatMinorUnits, toMinorUnits } from '../pricing/minor-units';
import { DEFAULT_CURRENCIES } from '../pricing/pricing-context';
import type { Instant } from '../time';
import { ensureZone, toEpochMs } from '../time/internal';

/** Input of {@link prorateFlat}. */
export interface ProrateFlatInput {
  /** The flat fee of a full period, ≥ 0. */
  amount: NumericInput;
  /** The period billed, inside `fullPeriod`. */
  servicePeriod: { from: Instant; to: Instant };
  /** The full period of the item's cadence; absent (a one-time fee) → never prorated. */
  fullPeriod?: { from: Instant; to: Instant } | undefined;
  /** The plan's `proRating`. Default `{ enabled: true, mode: 'exact' }`. */
  proRating?: { enabled: boolean; mode?: ProrationMode | undefined } | undefined;
  /** The zone whose calendar days `day` mode counts (the subscription's). Default `UTC`. */
  timeZone?: string | undefined;
  currency: string;
  /** Custom currencies; default ISO 4217. */
  currencies?: CurrencyRegistry | undefined;
  /** Default `half_up`. */
  rounding?: RoundingMode | undefined;
}

/**
 * A flat line's amount (BILLING.md PR1): amount × service ÷ full when the service period is shorter
 * than its full period and the plan prorates, measured in exact milliseconds or, in `day` mode, in the
 * calendar days each period touches in the subscription's zone (a started day counts whole, §5.1);
 * rounded once to the currency's minor units. `null` when the prorated amount is 0: no line. A
 * full period, or proration disabled, bills the amount as is (rounded), as `simulateInvoice` does:
 * both use core/invoice's proration.
 *
 * @throws {@link ValidationError} `unknown_currency` (path `currency`), `negative` / `invalid_decimal`
 *   (path `amount`), `invalid_time_zone` (path `timeZone`), and the codes of the instants.
 * @example
 * prorateFlat({ amount: 30, servicePeriod: { from: '2024-01-16', to: '2024-02-01' },
 *               fullPeriod: { from: '2024-01-01', to: '2024-02-01' }, currency: 'USD' }); // '15.48' (S8)
 */
export function prorateFlat(input: ProrateFlatInput): string | null {
  const precision = (input.currencies ?? DEFAULT_CURRENCIES).precision(input.currency, 'currency');
  const ctx = { precision, rounding: input.rounding ?? 'half_up' } as const;
  const amount = parseNonNegativeDecimal(input.amount, 'amount');
  const enabled = input.proRating?.enabled ?? true;
  const full = input.fullPeriod;
  if (!enabled || full === undefined) return formatMinorUnits(toMinorUnits(amount, ctx), precision);
  const zone = input.timeZone === undefined ? 'UTC' : ensureZone(input.timeZone, 'timeZone');
  const service = { from: toEpochMs(input.servicePeriod.from, 'servicePeriod.from'), to: toEpochMs(input.servicePeriod.to, 'servicePeriod.to') };
  const fullMs = { from: toEpochMs(full.from, 'fullPeriod.from'), to: toEpochMs(full.to, 'fullPeriod.to') };
  const ratio = prorationRatio(service, fullMs, input.proRating?.mode ?? 'exact', zone);
  if (ratio === undefined) return formatMinorUnits(toMinorUnits(amount, ctx), precision);
  const prorated = prorate(amount, ratio, ctx);
  return prorated === 0n ? null : formatMinorUnits(prorated, precision);
}
