import { monotonicFactory } from 'ulid';
import type { Clock } from './clock';

/** Makes ids: a resource prefix and a ULID (time-ordered, monotonic within a process). */
export type IdGenerator = (prefix: string) => string;

/** ULIDs seeded from the injected clock, so ids sort in the order the clock gave out. */
export function createIdGenerator(clock: Clock): IdGenerator {
  const next = monotonicFactory();
  return (prefix) => `${prefix}_${next(clock.now().getTime())}`;
}

/** Resource prefixes. */
export const ID_PREFIX = {
  customer: 'cus',
  meter: 'mtr',
  feature: 'feat',
  plan: 'plan',
  entitlement: 'ent',
  grant: 'grt',
  entitlementReset: 'rst',
  notification: 'ntf',
  subscription: 'sub',
} as const;
