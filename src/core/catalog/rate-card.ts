import type { FlatPrice, NumericInput, UsagePrice } from '../pricing/price';
import type { Instant } from '../time';

/**
 * Rate cards as users write them: what a plan phase sells, with its price, discounts, tax and the
 * entitlement a subscription creates (docs/pricing.md "Invoices: `simulateInvoice`"). The catalog
 * core owns these types; the zod schemas in `src/schema/rate-card.ts` validate them and are checked
 * against them at compile time, so the docs, the validation and the types cannot drift.
 */

/** A JSON value, as a static entitlement's configuration holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A rate card's discounts: a percentage off the line, and free units (docs/pricing.md "Percentage discount"). */
export interface Discounts {
  /** Percent off the line after commitments, 0 to 100 (`10` = 10 %), rounded once. */
  percentage?: NumericInput | undefined;
  /** Free units, consumed before pricing (and by the earlier parts of a period first); usage-based rate cards only. */
  usage?: NumericInput | undefined;
}

/** A tax (docs/pricing.md "Taxes"): exclusive tax is added to the line, inclusive tax is extracted from it. */
export interface TaxConfig {
  /** The rate, ≥ 0: `0.2` = 20 %. */
  rate: NumericInput;
  /** `exclusive`: added to the line's total; `inclusive`: already inside the amount, reported only. */
  behavior: 'exclusive' | 'inclusive';
}

/** The entitlement a subscription to the rate card creates: metered, boolean or static. */
export type EntitlementTemplate =
  | {
      /** A metered entitlement: usage of the feature's meter against grants. */
      type: 'metered';
      /** The usage-period grid: `interval` (ISO-8601, e.g. `P1M`) from `anchor` (default: the subscription's start). */
      usagePeriod?: { interval: string; anchor?: Instant | undefined } | undefined;
      /** A soft limit always gives access; usage beyond the grants is overage. */
      isSoftLimit?: boolean | undefined;
      /** A grant of `amount` (≥ 0) restored at every usage-period start, with its priority (1 to 255, default 1). */
      issueAfterReset?: { amount: NumericInput; priority?: number | undefined } | undefined;
      /** Burn the old period's overage from the new balances at each reset instead of forgiving it. */
      preserveOverageAtReset?: boolean | undefined;
    }
  | {
      /** A boolean entitlement: access, nothing metered. */
      type: 'boolean';
    }
  | {
      /** A static entitlement: access with a configuration. */
      type: 'static';
      /** The configuration handed back by entitlement checks, a JSON object. */
      config: Record<string, JsonValue>;
    };

/** What every rate card has, whatever its type. */
export interface RateCardCommon {
  /** Unique within its phase: 1–256 characters, no whitespace or control characters. */
  key: string;
  /** The name invoice lines show (default: the key), at most 1,000 characters. */
  name?: string | undefined;
  /** The entitlement a subscription to this rate card creates; needs a `feature`. */
  entitlementTemplate?: EntitlementTemplate | undefined;
  /** A percentage off the line, and free units. */
  discounts?: Discounts | undefined;
  /** The rate card's own tax, overriding the invoice's. */
  taxConfig?: TaxConfig | undefined;
}

/** A flat fee: a `flat` price (or none), billed every `billingCadence`, or once when it is null. */
export interface FlatFeeRateCard extends RateCardCommon {
  /** The rate card type. */
  type: 'flat_fee';
  /** The fee, or `null` for a rate card that only grants an entitlement. */
  price: FlatPrice | null;
  /** How often the fee is billed (ISO-8601, e.g. `P1M`), or `null` for once. */
  billingCadence: string | null;
  /** The feature key the entitlement template is for; optional for a flat fee. Free units (`discounts.usage`) are refused. */
  feature?: string | undefined;
}

/** A usage-based rate card: a usage price on a metered feature, billed in arrears every `billingCadence`. */
export interface UsageBasedRateCard extends RateCardCommon {
  /** The rate card type. */
  type: 'usage_based';
  /** The usage price. */
  price: UsagePrice;
  /** How often usage is billed (ISO-8601, e.g. `P1M`). */
  billingCadence: string;
  /** The key of the metered feature whose usage is priced. */
  feature: string;
}

/** A rate card: a flat fee or a usage-based price. */
export type RateCard = FlatFeeRateCard | UsageBasedRateCard;
