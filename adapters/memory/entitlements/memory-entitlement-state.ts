import type {
  BalanceSnapshotRecord,
  EntitlementRecord,
  EntitlementResetRecord,
  GrantRecord,
  UsageCheckpointRecord,
} from '../../../src/storage';

/**
 * The entitlement collections of a {@link MemoryDatabase}. Records are stored deeply frozen (a
 * copy made on write), so reads hand them out without copying: the check path stays cheap.
 */
export class MemoryEntitlementState {
  readonly entitlements = new Map<string, EntitlementRecord>();
  /** customer id → ids of its entitlements (deleted ones too). */
  readonly entitlementsByCustomer = new Map<string, Set<string>>();
  readonly grants = new Map<string, GrantRecord>();
  /** entitlement id → ids of its grants. */
  readonly grantsByEntitlement = new Map<string, Set<string>>();
  /** entitlement id → its manual resets. */
  readonly resets = new Map<string, EntitlementResetRecord[]>();
  /** entitlement id → its snapshots, by instant. */
  readonly snapshots = new Map<string, BalanceSnapshotRecord[]>();
  readonly checkpoints = new Map<string, UsageCheckpointRecord>();
  /** Increases whenever an entitlement is added, deleted, or such a change is undone. */
  generation = 0;
  /** meter key → who tracks usage of that meter, built for one `generation`. */
  trackedIndex: { generation: number; byMeter: Map<string, TrackedMeter> } | null = null;
}

/** The metered entitlements on one meter, as ingestion looks them up (see `findTracked`). */
export interface TrackedMeter {
  /** customer id → its metered entitlements on the meter (customers with none are absent). */
  readonly byCustomer: Map<string, TrackedCustomer>;
  /** subject → its customer as last seen: a shortcut, valid while the subject still has that owner. */
  readonly bySubject: Map<string, TrackedCustomer>;
  /** Lookups made: marks the customers a lookup has met already. */
  lookups: number;
}

/** One customer's metered entitlements on a meter, with the bookkeeping of the current lookup. */
export interface TrackedCustomer {
  /** The customer's id (the string `customerIdBySubject` holds, once a lookup has met it: compared by identity first). */
  customerId: string;
  readonly templates: TrackedTemplate[];
  /** The lookup that last met this customer, and where its entitlements start in that lookup's result. */
  lookup: number;
  first: number;
}

/** A metered entitlement as ingestion looks it up (without the subjects of a batch). */
export interface TrackedTemplate {
  readonly entitlementId: string;
  readonly featureId: string;
  readonly filters: Record<string, string | string[]>;
  readonly hasThresholds: boolean;
}

/** Adds `id` to the set under `key`, journaling the undo. */
export function indexAdd(record: (undo: () => void) => void, index: Map<string, Set<string>>, key: string, id: string): void {
  let set = index.get(key);
  if (set === undefined) index.set(key, (set = new Set()));
  if (set.has(id)) return;
  set.add(id);
  const added = set;
  record(() => added.delete(id));
}
