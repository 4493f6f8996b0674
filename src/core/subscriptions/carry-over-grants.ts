import type { JsonValue } from '../catalog/rate-card';
import type { NumericInput } from '../entitlements/numeric';
import { formatDecimal, parseDecimal, type Decimal } from '../money';

/** A grant of the old entitlement, with its balance at the change instant. */
export interface GrantToCarry {
  id: string;
  /** `template`: issued by the entitlement's template (`issueAfterReset`), never carried. */
  source: 'manual' | 'template';
  /** Its balance at t (what the burn-down says is left), a decimal. */
  balance: NumericInput;
  priority: number;
  effectiveAt: Date;
  expiresAt: Date | null;
  voidedAt?: Date | null | undefined;
  minRolloverAmount?: NumericInput | null | undefined;
  maxRolloverAmount?: NumericInput | null | undefined;
  metadata?: Record<string, JsonValue> | null | undefined;
}

/** A grant to create on the new entitlement, effective at t. */
export interface CarriedGrant {
  amount: string;
  priority: number;
  effectiveAt: Date;
  expiresAt: Date | null;
  /** min(the old minimum, amount); absent when the old grant had none (default 0). */
  minRolloverAmount?: string;
  /** min(the old maximum, amount); absent when the old grant had none (default: the amount). */
  maxRolloverAmount?: string;
  /** The old grant's metadata plus `carriedFrom`: the old grant's id. */
  metadata: Record<string, JsonValue> & { carriedFrom: string };
}

/** What a change does to the old entitlement's manual grants (BILLING.md EN4). */
export interface CarryOver {
  /** Grants of the old entitlement to void at t. */
  void: Array<{ id: string; voidedAt: Date }>;
  /** Grants to create on the new entitlement, in the order of `void`. */
  create: CarriedGrant[];
}

const active = (g: GrantToCarry, t: number): boolean =>
  g.effectiveAt.getTime() <= t &&
  (g.expiresAt === null || t < g.expiresAt.getTime()) &&
  (g.voidedAt === null || g.voidedAt === undefined || t < g.voidedAt.getTime());

const cap = (value: NumericInput | null | undefined, amount: Decimal, path: string): string | undefined =>
  value === null || value === undefined ? undefined : formatDecimal(minOf(parseDecimal(value, path), amount));

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/**
 * The grants a change carries from the old entitlement of a feature to the new one (BILLING.md EN4;
 * a deviation from OpenMeter, which drops them: a bought top-up must survive an upgrade, as Lago
 * wallets and Orb credit blocks do). With `carryOverGrants` (default true) and a new entitlement for
 * the same feature, every manual grant active at `at` with a balance B > 0 is voided at `at` and
 * re-created effective at `at`: amount B, the same priority and `expiresAt`, rollover bounds capped
 * at B, metadata `carriedFrom` = the old id. Template grants never carry (the new entitlement issues
 * its own), nor does anything to a plan without the feature (`hasNewEntitlement: false`), nor
 * anything with `carryOverGrants: false`: the old grants then end with their entitlement, unvoided.
 * A recurrence is not carried: it would refill the carried grant to B, not to the old amount.
 *
 * @throws {@link ValidationError} `invalid_decimal` (path `grants[i].balance` or a rollover bound).
 * @example
 * carryOverGrants([{ id: 'g1', source: 'manual', balance: '3000', priority: 5, effectiveAt: jan5, expiresAt: null }],
 *   { at: jan16, hasNewEntitlement: true });
 * // { void: [{ id: 'g1', voidedAt: jan16 }],
 * //   create: [{ amount: '3000', priority: 5, effectiveAt: jan16, expiresAt: null, metadata: { carriedFrom: 'g1' } }] } (S37)
 */
export function carryOverGrants(
  grants: readonly GrantToCarry[],
  options: { at: Date; hasNewEntitlement: boolean; carryOverGrants?: boolean | undefined },
): CarryOver {
  const out: CarryOver = { void: [], create: [] };
  if (options.carryOverGrants === false || !options.hasNewEntitlement) return out;
  const t = options.at.getTime();
  for (const [i, g] of grants.entries()) {
    if (g.source !== 'manual' || !active(g, t)) continue;
    const balance = parseDecimal(g.balance, `grants[${i}].balance`);
    if (!balance.greaterThan(0)) continue;
    const min = cap(g.minRolloverAmount, balance, `grants[${i}].minRolloverAmount`);
    const max = cap(g.maxRolloverAmount, balance, `grants[${i}].maxRolloverAmount`);
    out.void.push({ id: g.id, voidedAt: new Date(t) });
    out.create.push({
      amount: formatDecimal(balance),
      priority: g.priority,
      effectiveAt: new Date(t),
      expiresAt: g.expiresAt === null ? null : new Date(g.expiresAt.getTime()),
      ...(min === undefined ? {} : { minRolloverAmount: min }),
      ...(max === undefined ? {} : { maxRolloverAmount: max }),
      metadata: { ...(g.metadata ?? {}), carriedFrom: g.id },
    });
  }
  return out;
}
