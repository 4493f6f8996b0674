import type { ValidationIssue } from '../../errors';
import { planStatus } from '../catalog/plan-status';
import { subscriptionStateError } from './errors';

/** The dates of one version of a plan key, as the catalog stores them (`planStatus`). */
export interface PlanVersionDates {
  version: number;
  /** Null while a draft. */
  effectiveFrom: Date | null;
  /** Set once archived (or superseded). */
  effectiveTo: Date | null;
}

/**
 * The plan version a subscription snapshots (BILLING.md SB1): the version of the key active at `now`
 * (the highest one, should two overlap), or the version `choice.version` names, which must be active
 * at `now` too. A draft, archived or not yet effective version is not subscribable; nor is a key with
 * no version active at now. Later versions never change a subscription (grandfathering): only this
 * resolution, at creation, change or migrate, reads the key.
 *
 * Returns `undefined` for a key without versions or an unknown version: the caller names the
 * resource in its NotFoundError.
 *
 * @throws {@link StateError} `plan_not_subscribable`.
 * @example
 * resolvePlanVersion([{ version: 1, effectiveFrom: jan1, effectiveTo: jan10 }, { version: 2, effectiveFrom: jan10, effectiveTo: null }],
 *   {}, jan20); // version 2
 * resolvePlanVersion(versions, { version: 1 }, jan20); // throws StateError plan_not_subscribable (archived)
 * resolvePlanVersion(versions, { version: 9 }, jan20); // undefined
 */
export function resolvePlanVersion<V extends PlanVersionDates>(versions: readonly V[], choice: { version?: number | undefined }, now: Date): V | undefined {
  if (choice.version !== undefined) {
    const named = versions.find((v) => v.version === choice.version);
    if (named === undefined) return undefined;
    const status = planStatus(named, now);
    if (status !== 'active') {
      throw subscriptionStateError(`Plan version ${named.version} is ${status}: only the version active now can be subscribed to`, 'plan_not_subscribable');
    }
    return named;
  }
  if (versions.length === 0) return undefined;
  let active: V | undefined;
  for (const v of versions) {
    if (planStatus(v, now) === 'active' && (active === undefined || v.version > active.version)) active = v;
  }
  if (active === undefined) {
    throw subscriptionStateError('The plan has no version active now (only drafts, archived or scheduled versions)', 'plan_not_subscribable');
  }
  return active;
}

/**
 * SB1: a subscription's currency is its plan's; a customer with a currency only takes plans in it.
 * No customer currency: any plan. Currencies compare as ISO codes, case-sensitively (both are stored
 * upper case).
 *
 * @example
 * currencyMismatchIssues('USD', 'EUR'); // [{ path: 'plan', code: 'currency_mismatch', message: … }]
 * currencyMismatchIssues('USD', null);  // []
 */
export function currencyMismatchIssues(planCurrency: string, customerCurrency: string | null | undefined, path = 'plan'): ValidationIssue[] {
  if (customerCurrency === null || customerCurrency === undefined || customerCurrency === planCurrency) return [];
  return [{ path, code: 'currency_mismatch', message: `The plan's currency ${planCurrency} is not the customer's currency ${customerCurrency}` }];
}
