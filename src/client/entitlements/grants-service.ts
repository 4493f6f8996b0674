import { entitlementStateError, entitlementAt, grantTermsOf, parseGrants } from '../../core/entitlements';
import { NotFoundError, ValidationError } from '../../errors';
import {
  type GrantCreateInput,
  type GrantListInput,
  type GrantTargetInput,
  type GrantVoidInput,
  grantCreateSchema,
  grantListSchema,
  grantTargetSchema,
  grantVoidSchema,
  parseInput,
  refSchema,
} from '../../schema';
import type { EntitlementRecord, GrantRecord, StorageTransaction } from '../../storage';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, toPage } from '../shared/cursor';
import { resolveCustomer } from '../customers/customers-service';
import { type Grant, toGrant } from './entitlement';
import type { PendingNotification } from '../notifications/outbox';
import type { EntitlementEvaluator } from './entitlement-evaluator';
import type { EntitlementNotifier } from './entitlement-notifier';
import { findEntitlement } from './entitlements-service';
import { resolveFeature } from '../catalog/features-service';
import { grantInputOf } from './entitlement-model';
import { ID_PREFIX } from '../shared/ids';

type Target = { entitlement: string } | { customer: string; feature: string };

/** The entitlement a grant targets: by id, or the customer's entitlement to the feature now. */
async function targetEntitlement(tx: StorageTransaction, target: Target, nowMs: number): Promise<EntitlementRecord> {
  if ('entitlement' in target) return findEntitlement(tx, target.entitlement);
  const customer = await resolveCustomer(tx, target.customer);
  const feature = await resolveFeature(tx, target.feature);
  const found = entitlementAt(await tx.entitlements.listByCustomer(customer.id, feature.id), nowMs);
  if (found === undefined || (found.deletedAt !== null && found.deletedAt.getTime() <= nowMs)) {
    throw new NotFoundError('entitlement', `${customer.key}/${feature.key}`);
  }
  return found;
}

/** Core validation of the grant (amount, priority, expiry after effective, rollover bounds), paths as the input's. */
function validateGrant(record: GrantRecord): void {
  try {
    parseGrants([grantInputOf(record)], 'grant');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.issues.map((i) => ({ ...i, path: i.path.replace(/^grant\[0\]\.?/, '') })));
  }
}

/** `tg.grants`: allowances of usage on metered entitlements, burnt down in priority order (docs/semantics.md D7). */
export class GrantsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluator: EntitlementEvaluator,
    private readonly notifier: EntitlementNotifier,
  ) {}

  /**
   * Grants an amount of a metered feature: to an entitlement by id, or to a customer's current
   * entitlement to a feature. It counts from `effectiveAt` (default now; a grant effective later in
   * the period pays the overage first) until `expiresAt` (or `expiration` from `effectiveAt`), is
   * voided, and rolls over at resets between `minRolloverAmount` and `maxRolloverAmount`.
   * @throws ValidationError for a boolean or static entitlement (path `entitlement`), a priority
   *   outside 1–255, a negative amount, an expiry before the effective time; nothing is written.
   * @example
   * await tg.grants.create({ customer: 'acme', feature: 'api_calls' }, { amount: 5000, priority: 2, expiration: { duration: 'MONTH', count: 1 } });
   */
  async create(target: GrantTargetInput, input: GrantCreateInput): Promise<Grant> {
    const to = parseInput(grantTargetSchema, target, { prefix: 'target' });
    const data = parseInput(grantCreateSchema, input);
    const pending: PendingNotification[] = [];
    const record = await this.ctx.transaction(async (tx) => {
      const now = this.ctx.clock.now();
      const entitlement = await targetEntitlement(tx, to, now.getTime());
      if (entitlement.type !== 'metered') {
        throw ValidationError.single('entitlement', 'not_metered', `Entitlement ${entitlement.id} is ${entitlement.type}: grants are for metered entitlements`);
      }
      if (entitlement.deletedAt !== null) throw entitlementStateError(`Entitlement ${entitlement.id} is deleted`, 'deleted');
      const terms = grantTermsOf(data, now);
      const grant: GrantRecord = {
        ...terms,
        id: this.ctx.ids(ID_PREFIX.grant),
        entitlementId: entitlement.id,
        customerId: entitlement.customerId,
        featureId: entitlement.featureId,
        voidedAt: null,
        metadata: data.metadata ?? {},
        createdAt: now,
      };
      validateGrant(grant);
      await tx.grants.insert(grant);
      await this.changed(tx, entitlement, grant.effectiveAt.getTime(), now.getTime(), pending);
      return grant;
    });
    this.notifier.emit(pending);
    return toGrant(record);
  }

  /**
   * Grants in creation order, a page at a time, filtered by customer, feature or entitlement;
   * voided ones only with `includeVoided`.
   * @example
   * const { items } = await tg.grants.list({ customer: 'acme', feature: 'api_calls' });
   */
  async list(input: GrantListInput = {}): Promise<Page<Grant>> {
    const data = parseInput(grantListSchema, input);
    const limit = data.limit ?? 100;
    const afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    const rows = await this.ctx.transaction(async (tx) => {
      const customerId = data.customer === undefined ? undefined : (await resolveCustomer(tx, data.customer)).id;
      const featureId = data.feature === undefined ? undefined : (await resolveFeature(tx, data.feature)).id;
      return tx.grants.list({
        limit: limit + 1,
        includeVoided: data.includeVoided ?? false,
        ...(afterId !== undefined && { afterId }),
        ...(customerId !== undefined && { customerId }),
        ...(featureId !== undefined && { featureId }),
        ...(data.entitlement !== undefined && { entitlementId: data.entitlement }),
      });
    });
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map(toGrant) };
  }

  /**
   * Voids a grant from `at` (default now): it no longer counts from that instant. `at` may be
   * backdated inside the current usage period, not before its start and not in the future.
   * @throws StateError (reason `voided`) for a grant voided already.
   * @example
   * await tg.grants.void(grant.id);
   */
  async void(id: string, input: GrantVoidInput = {}): Promise<Grant> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(grantVoidSchema, input);
    const pending: PendingNotification[] = [];
    const record = await this.ctx.transaction(async (tx) => {
      const grant = await tx.grants.findById(ref);
      if (grant === undefined) throw new NotFoundError('grant', ref);
      if (grant.voidedAt !== null) throw entitlementStateError(`Grant ${grant.id} is already voided`, 'voided');
      const now = this.ctx.clock.now();
      const at = data.at ?? now;
      const entitlement = await findEntitlement(tx, grant.entitlementId);
      const model = await this.evaluator.model(tx, entitlement);
      const periodStart = model.timeline.measurementStartAt(now).getTime();
      if (at.getTime() > now.getTime()) throw ValidationError.single('at', 'in_future', 'A void cannot be in the future');
      if (at.getTime() < periodStart) throw ValidationError.single('at', 'before_period_start', `A void cannot be before the current usage period start ${new Date(periodStart).toISOString()}`);
      await tx.grants.void(grant.id, at);
      await this.changed(tx, entitlement, at.getTime(), now.getTime(), pending);
      return { ...grant, voidedAt: at };
    });
    this.notifier.emit(pending);
    return toGrant(record);
  }

  /** After a grant change from `fromMs` on: new version, stale states dropped, notifications evaluated and written. */
  private async changed(tx: StorageTransaction, entitlement: EntitlementRecord, fromMs: number, nowMs: number, pending: PendingNotification[]): Promise<void> {
    const version = await tx.entitlements.bumpVersion(entitlement.id);
    await tx.usageCheckpoints.delete([entitlement.id]);
    await tx.balanceSnapshots.deleteAfter(entitlement.id, fromMs - 1);
    await this.notifier.evaluate(tx, { ...entitlement, version }, nowMs, pending);
    await this.notifier.write(tx, pending);
  }
}
