import { describe, expect, it } from 'vitest';
import { ConflictError, StateError } from '../../../src/errors';
import {
  allowedActions,
  assertAllowed,
  type SubscriptionAction,
  type SubscriptionStatus,
} from '../../../src/core/subscriptions';

const ACTIONS: SubscriptionAction[] = ['edit', 'cancel', 'change', 'migrate', 'continue', 'delete'];
const STATUSES: SubscriptionStatus[] = ['scheduled', 'active', 'canceled', 'inactive'];
const SB7: Record<SubscriptionStatus, SubscriptionAction[]> = {
  active: ['edit', 'cancel', 'change', 'migrate'],
  canceled: ['continue'],
  scheduled: ['delete'],
  inactive: [],
};

function outcome(action: SubscriptionAction, status: SubscriptionStatus, successor: boolean): string {
  try {
    assertAllowed(action, status, successor);
    return 'ok';
  } catch (e) {
    if (e instanceof ConflictError) return `conflict:${String(e.reason)}`;
    if (e instanceof StateError) return `state:${String(e.reason)}`;
    throw e;
  }
}

describe('allowedActions (SB7)', () => {
  it.each(STATUSES)('%s', (status) => {
    expect([...allowedActions(status)].sort()).toEqual([...SB7[status]].sort());
  });
});

describe('assertAllowed (SB7, SB7a)', () => {
  const cases = STATUSES.flatMap((status) =>
    ACTIONS.flatMap((action) =>
      [false, true].map((successor) => {
        const blocked = successor && ['edit', 'cancel', 'change', 'migrate'].includes(action);
        const expected = blocked ? 'conflict:successor_scheduled' : SB7[status].includes(action) ? 'ok' : 'state:invalid_transition';
        return [action, status, successor, expected] as const;
      }),
    ),
  );
  it.each(cases)('%s on %s (successor scheduled: %s) → %s', (action, status, successor, expected) => {
    expect(outcome(action, status, successor)).toBe(expected);
  });

  it('S24: a second change while the successor is scheduled → successor_scheduled; continue is allowed', () => {
    expect(outcome('change', 'canceled', true)).toBe('conflict:successor_scheduled');
    expect(outcome('continue', 'canceled', true)).toBe('ok');
  });

  it('S26: continue on an inactive subscription → invalid_transition', () => {
    expect(outcome('continue', 'inactive', false)).toBe('state:invalid_transition');
  });

  it('errors keep their class names', () => {
    expect(() => assertAllowed('delete', 'active', false)).toThrow(StateError);
    expect(() => assertAllowed('edit', 'active', true)).toThrow(ConflictError);
  });
});

describe('SB7a error shape', () => {
  it('names the successor as the target and successor_scheduled as the reason', () => {
    let error: unknown;
    try {
      assertAllowed('edit', 'active', true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect([(error as ConflictError).target, (error as ConflictError).reason, (error as ConflictError).code]).toEqual([
      'subscription.nextSubscriptionId',
      'successor_scheduled',
      'conflict',
    ]);
  });
});
