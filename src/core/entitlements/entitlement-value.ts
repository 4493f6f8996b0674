import { ValidationError } from '../../errors';
import { formatDecimal, parseDecimal } from '../money';
import type { Period } from '../time';
import type { NumericInput } from './numeric';

/** The kinds of entitlement. */
export type EntitlementType = 'metered' | 'boolean' | 'static';

/** Why a check denies access (docs/semantics.md D9). */
export type EntitlementDenialReason = 'no_entitlement' | 'limit_reached' | 'inactive' | 'subscription_inactive';

/** The answer to "may this customer use this feature now, and how much is left?" (without the feature key). */
export interface EntitlementValue {
  /** Absent for `no_entitlement`. */
  type?: EntitlementType;
  hasAccess: boolean;
  /** Present exactly when `hasAccess` is false. */
  reason?: EntitlementDenialReason;
  /** Metered: Σ balances of the active grants. */
  balance?: string;
  /** Metered: usage of the current usage period. */
  usage?: string;
  /** Metered: usage no grant covered, outstanding. */
  overage?: string;
  /** Metered: what the grants made available in the current usage period. */
  totalAvailableGrantAmount?: string;
  /** Static: the entitlement's JSON config. */
  config?: unknown;
  /** Metered: the usage period that contains the check instant. */
  currentUsagePeriod?: Period;
}

/** What {@link meteredEntitlementValue} needs from a burn-down (a `BurnDownResult` fits). */
export interface MeteredBalance {
  balance: string;
  usage: string;
  overage: string;
  totalAvailableGrantAmount: string;
}

/** Input of {@link meteredEntitlementValue}. */
export interface MeteredEntitlementValueInput {
  /** The burn-down up to the check instant. */
  burnDownResult: MeteredBalance;
  /** A soft limit always grants access (usage beyond the grants is overage). Default false. */
  isSoftLimit?: boolean | undefined;
  /** The amount the caller is about to use (≥ 0). */
  quantity?: NumericInput | undefined;
  /** The usage period that contains the check instant. */
  currentUsagePeriod: Period;
}

/**
 * The value of a metered entitlement at the check instant (docs/semantics.md D9): access while it is a soft
 * limit or its balance is above zero; with `quantity`, while balance ≥ quantity (and above zero).
 * A denial says `limit_reached`. Checks never consume.
 * @throws ValidationError `invalid_decimal` or `negative` (path `quantity`).
 * @example
 * meteredEntitlementValue({ burnDownResult: burnDown(input), currentUsagePeriod, quantity: 5 });
 * // { type: 'metered', hasAccess: true, balance: '40', usage: '60', overage: '0',
 * //   totalAvailableGrantAmount: '100', currentUsagePeriod }
 */
export function meteredEntitlementValue(input: MeteredEntitlementValueInput): EntitlementValue {
  const { burnDownResult: result } = input;
  const balance = parseDecimal(result.balance, 'burnDownResult.balance');
  let enough = balance.isPositive() && !balance.isZero();
  if (input.quantity !== undefined) {
    const quantity = parseDecimal(input.quantity, 'quantity');
    if (quantity.isNegative()) throw ValidationError.single('quantity', 'negative', `must not be negative, got ${formatDecimal(quantity)}`);
    enough = enough && balance.gte(quantity);
  }
  const hasAccess = input.isSoftLimit === true || enough;
  return {
    type: 'metered',
    hasAccess,
    ...(hasAccess ? {} : { reason: 'limit_reached' as const }),
    balance: result.balance,
    usage: result.usage,
    overage: result.overage,
    totalAvailableGrantAmount: result.totalAvailableGrantAmount,
    currentUsagePeriod: { from: input.currentUsagePeriod.from, to: input.currentUsagePeriod.to },
  };
}

/**
 * The value of an active boolean entitlement: access.
 * @example
 * booleanEntitlementValue(); // { type: 'boolean', hasAccess: true }
 */
export function booleanEntitlementValue(): EntitlementValue {
  return { type: 'boolean', hasAccess: true };
}

/**
 * The value of an active static entitlement: access, and its JSON config.
 * @example
 * staticEntitlementValue({ seats: 5 }); // { type: 'static', hasAccess: true, config: { seats: 5 } }
 */
export function staticEntitlementValue(config: unknown): EntitlementValue {
  return { type: 'static', hasAccess: true, config };
}

/**
 * The value when the customer has no entitlement to the feature.
 * @example
 * noEntitlementValue(); // { hasAccess: false, reason: 'no_entitlement' }
 */
export function noEntitlementValue(): EntitlementValue {
  return { hasAccess: false, reason: 'no_entitlement' };
}

/**
 * The value of an entitlement that is not active at the check instant (before `activeFrom`, from
 * `activeTo` on, deleted).
 * @example
 * inactiveEntitlementValue('metered'); // { type: 'metered', hasAccess: false, reason: 'inactive' }
 */
export function inactiveEntitlementValue(type: EntitlementType): EntitlementValue {
  return { type, hasAccess: false, reason: 'inactive' };
}

/**
 * The value of an entitlement whose subscription is not active.
 * @example
 * subscriptionInactiveValue('boolean'); // { type: 'boolean', hasAccess: false, reason: 'subscription_inactive' }
 */
export function subscriptionInactiveValue(type: EntitlementType): EntitlementValue {
  return { type, hasAccess: false, reason: 'subscription_inactive' };
}
