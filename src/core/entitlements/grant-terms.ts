import { formatDecimal, parseDecimal } from '../money';
import { type GrantExpiration, resolveExpiresAt } from './grant-expiration';
import type { NumericInput } from './numeric';

/** A new grant's terms as given (validated in form), before defaults. */
export interface GrantTermsInput {
  readonly amount: NumericInput;
  readonly priority?: number | undefined;
  readonly effectiveAt?: Date | undefined;
  readonly expiresAt?: Date | undefined;
  readonly expiration?: GrantExpiration | undefined;
  readonly minRolloverAmount?: NumericInput | undefined;
  readonly maxRolloverAmount?: NumericInput | undefined;
  readonly recurrence?: { readonly interval: string; readonly anchor?: Date | undefined } | undefined;
}

/** A grant's terms with every default applied and every decimal canonical. */
export interface GrantTerms {
  amount: string;
  priority: number;
  effectiveAt: Date;
  expiresAt: Date | null;
  minRolloverAmount: string;
  maxRolloverAmount: string | null;
  recurrence: { interval: string; anchor: Date } | null;
}

/**
 * A grant's terms with their defaults, as created at `now`: effective now; priority 1; no expiry
 * unless `expiresAt` or an `expiration` relative to `effectiveAt` is given; min rollover 0, no max;
 * a recurrence anchored at `effectiveAt` unless given. Decimals canonical.
 * @throws ValidationError for a bad decimal (path `amount`, `minRolloverAmount`, `maxRolloverAmount`).
 * @example
 * grantTermsOf({ amount: '100.0', expiration: { duration: 'DAY', count: 30 } }, new Date('2024-01-01T00:00:00Z'));
 * // { amount: '100', priority: 1, effectiveAt: 2024-01-01, expiresAt: 2024-01-31, minRolloverAmount: '0', ... }
 */
export function grantTermsOf(input: GrantTermsInput, now: Date): GrantTerms {
  const effectiveAt = input.effectiveAt ?? now;
  const decimal = (value: NumericInput, path: string): string => formatDecimal(parseDecimal(value, path));
  return {
    amount: decimal(input.amount, 'amount'),
    priority: input.priority ?? 1,
    effectiveAt,
    expiresAt: input.expiresAt ?? (input.expiration === undefined ? null : resolveExpiresAt(effectiveAt, input.expiration)),
    minRolloverAmount: input.minRolloverAmount === undefined ? '0' : decimal(input.minRolloverAmount, 'minRolloverAmount'),
    maxRolloverAmount: input.maxRolloverAmount === undefined ? null : decimal(input.maxRolloverAmount, 'maxRolloverAmount'),
    recurrence: input.recurrence === undefined ? null : { interval: input.recurrence.interval, anchor: input.recurrence.anchor ?? effectiveAt },
  };
}
