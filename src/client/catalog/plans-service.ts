import {
  type FeatureFacts,
  archiveVersions,
  canonicalizeNumerics,
  catalogConflict,
  catalogStateError,
  isPublished,
  planStatus,
  validatePlan,
  versionsEndedByPublish,
} from '../../core/catalog';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../errors';
import {
  type PlanArchiveInput,
  type PlanCreateInput,
  type PlanGetInput,
  type PlanListInput,
  type PlanPublishInput,
  type PlanUpdateInput,
  parseInput,
  planArchiveSchema,
  planCreateSchema,
  planGetSchema,
  planListSchema,
  planPublishSchema,
  planUpdateSchema,
  refSchema,
} from '../../schema';
import type { PlanRecord, StorageTransaction } from '../../storage';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, encodeCursor } from '../shared/cursor';
import { ID_PREFIX } from '../shared/ids';
import { isIdOf } from '../shared/resolve-ref';
import { type Plan, toPlan } from './plan';

/** What a plan version is made of, apart from its identity, dates and validation. */
type PlanContentFields = Pick<PlanRecord, 'key' | 'version' | 'name' | 'description' | 'currency' | 'billingCadence' | 'proRating' | 'phases' | 'metadata'>;

/** `tg.plans`: versioned plans. Drafts are edited; publishing freezes a version (docs/semantics.md D12). */
export class PlansService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Creates version 1 of a plan, as a draft. A draft with problems (unknown features, invalid
   * prices...) is saved with its `validationErrors`, and cannot be published until they are fixed.
   * @example
   * const plan = await tg.plans.create({
   *   key: 'pro', name: 'Pro', currency: 'USD', billingCadence: 'P1M',
   *   phases: [{ key: 'default', rateCards: [
   *     { key: 'base', type: 'flat_fee', price: { type: 'flat', amount: '49' }, billingCadence: 'P1M' },
   *     { key: 'calls', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M',
   *       price: { type: 'unit', amount: '0.001' } },
   *   ] }],
   * });
   */
  async create(input: PlanCreateInput): Promise<Plan> {
    const data = parseInput(planCreateSchema, input, { extraChecks: (raw) => this.ctx.currencyIssues(raw) });
    const record = await this.ctx.transaction(async (tx) => {
      if ((await tx.plans.versions(data.key)).length > 0) {
        throw catalogConflict(`A plan with key ${data.key} already exists: use newVersion() to change it`, 'plan.key');
      }
      return this.insertDraft(tx, {
        key: data.key,
        version: 1,
        name: data.name,
        description: data.description ?? null,
        currency: data.currency,
        billingCadence: data.billingCadence,
        proRating: { enabled: data.proRating?.enabled ?? true, mode: data.proRating?.mode ?? 'exact' },
        phases: canonicalizeNumerics(data.phases),
        metadata: data.metadata ?? {},
      });
    });
    return this.toPlan(record);
  }

  /**
   * Replaces fields of a draft (by its id, or the plan's key for its draft). Published versions
   * never change: make a new version.
   * @example
   * await tg.plans.update('pro', { name: 'Pro (2025)' });
   */
  async update(ref: string, patch: PlanUpdateInput): Promise<Plan> {
    const planRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const data = parseInput(planUpdateSchema, patch, { extraChecks: (raw) => this.ctx.currencyIssues(raw) });
    const record = await this.ctx.transaction(async (tx) => {
      const draft = await this.resolveDraft(tx, planRef);
      const next: PlanRecord = {
        ...draft,
        ...(data.name !== undefined && { name: data.name }),
        ...(data.description !== undefined && { description: data.description }),
        ...(data.currency !== undefined && { currency: data.currency }),
        ...(data.billingCadence !== undefined && { billingCadence: data.billingCadence }),
        ...(data.proRating !== undefined && { proRating: { enabled: data.proRating.enabled, mode: data.proRating.mode ?? 'exact' } }),
        ...(data.phases !== undefined && { phases: canonicalizeNumerics(data.phases) }),
        ...(data.metadata !== undefined && { metadata: data.metadata }),
        updatedAt: this.ctx.clock.now(),
      };
      next.validationErrors = await this.validate(tx, next);
      await tx.plans.update(next);
      return next;
    });
    return this.toPlan(record);
  }

  /**
   * Publishes a draft: it is frozen and becomes active at `effectiveFrom` (default now). The
   * version active before it ends where this one starts. Refused with a ValidationError listing
   * every problem when the plan is not valid.
   * @example
   * await tg.plans.publish('pro');                                        // active now
   * await tg.plans.publish('pro', { effectiveFrom: '2025-01-01T00:00:00Z' }); // scheduled
   */
  async publish(ref: string, input: PlanPublishInput = {}): Promise<Plan> {
    const planRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const data = parseInput(planPublishSchema, input);
    const record = await this.ctx.transaction(async (tx) => {
      const draft = await this.resolveDraft(tx, planRef);
      const issues = await this.validate(tx, draft);
      if (issues.length > 0) throw new ValidationError(issues);
      const now = this.ctx.clock.now();
      const from = data.effectiveFrom ?? now;
      const to = data.effectiveTo ?? null;
      if (to !== null && to.getTime() <= from.getTime()) {
        throw ValidationError.single('effectiveTo', 'invalid_range', 'effectiveTo must be after effectiveFrom');
      }
      for (const other of versionsEndedByPublish(draft.key, await tx.plans.versions(draft.key), from.getTime())) {
        await tx.plans.update({ ...other, effectiveTo: from, updatedAt: now });
      }
      const published: PlanRecord = { ...draft, validationErrors: [], publishedAt: now, effectiveFrom: from, effectiveTo: to, updatedAt: now };
      await tx.plans.update(published);
      return published;
    });
    return this.toPlan(record);
  }

  /**
   * Ends a plan at `at` (default now): by key, every published version still in effect; by id,
   * that version. A version scheduled after `at` ends before it starts.
   * @example
   * await tg.plans.archive('legacy');
   */
  async archive(ref: string, input: PlanArchiveInput = {}): Promise<Plan> {
    const planRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const data = parseInput(planArchiveSchema, input);
    const record = await this.ctx.transaction(async (tx) => {
      const now = this.ctx.clock.now();
      const at = data.at ?? now;
      const targets = isIdOf(ID_PREFIX.plan, planRef) ? [await this.resolve(tx, planRef)] : await tx.plans.versions(planRef);
      if (targets.length === 0) throw new NotFoundError('plan', planRef);
      const ended = archiveVersions(planRef, targets, at.getTime()).map((p) => ({ ...p, updatedAt: now }));
      for (const p of ended) await tx.plans.update(p);
      return ended[ended.length - 1]!;
    });
    return this.toPlan(record);
  }

  /**
   * Starts a new draft version copied from the plan's latest version. Refused while a draft exists.
   * @example
   * const v2 = await tg.plans.newVersion('pro');
   * await tg.plans.update(v2.id, { phases: [...] });
   * await tg.plans.publish(v2.id);
   */
  async newVersion(key: string): Promise<Plan> {
    const planKey = parseInput(refSchema, key, { prefix: 'key' });
    const record = await this.ctx.transaction(async (tx) => {
      const versions = await tx.plans.versions(planKey);
      const latest = versions[versions.length - 1];
      if (!latest) throw new NotFoundError('plan', planKey);
      if (versions.some((v) => !isPublished(v))) {
        throw catalogStateError(`Plan ${planKey} already has a draft: edit or publish it`, 'draft_exists');
      }
      return this.insertDraft(tx, { ...latest, version: latest.version + 1 });
    });
    return this.toPlan(record);
  }

  /**
   * A plan version: by id; or by key, the given `version`, else the version active now, else the
   * latest one.
   * @example
   * const active = await tg.plans.get('pro');
   * const v1 = await tg.plans.get('pro', { version: 1 });
   */
  async get(ref: string, input: PlanGetInput = {}): Promise<Plan> {
    const planRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const data = parseInput(planGetSchema, input);
    const record = await this.ctx.transaction(async (tx) => {
      if (isIdOf(ID_PREFIX.plan, planRef)) return this.resolve(tx, planRef);
      const versions = await tx.plans.versions(planRef);
      if (versions.length === 0) throw new NotFoundError('plan', planRef);
      if (data.version !== undefined) {
        const found = versions.find((v) => v.version === data.version);
        if (!found) throw new NotFoundError('plan', `${planRef} version ${data.version}`);
        return found;
      }
      const now = this.ctx.clock.now();
      return versions.find((v) => planStatus(v, now) === 'active') ?? versions[versions.length - 1]!;
    });
    return this.toPlan(record);
  }

  /**
   * Plan versions in creation order, with their status now; filter by `status` or `key`.
   * @example
   * const { items } = await tg.plans.list({ status: 'active' });
   */
  async list(input: PlanListInput = {}): Promise<Page<Plan>> {
    const data = parseInput(planListSchema, input);
    const limit = data.limit ?? 100;
    let afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    const now = this.ctx.clock.now();
    const items: Plan[] = [];
    let more = false;
    await this.ctx.transaction(async (tx) => {
      for (;;) {
        const batch = await tx.plans.list({ limit: 200, ...(afterId !== undefined && { afterId }), ...(data.key !== undefined && { key: data.key }) });
        for (const record of batch) {
          const status = planStatus(record, now);
          if (data.status !== undefined && status !== data.status) continue;
          if (items.length === limit) {
            more = true;
            return;
          }
          items.push(toPlan(record, status));
        }
        if (batch.length < 200) return;
        afterId = batch[batch.length - 1]!.id;
      }
    });
    return more ? { items, nextCursor: encodeCursor(items[items.length - 1]!.id) } : { items };
  }

  /** Stores a new draft version with a new id, fresh dates and its validation problems. */
  private async insertDraft(tx: StorageTransaction, content: PlanContentFields): Promise<PlanRecord> {
    const now = this.ctx.clock.now();
    const draft: PlanRecord = {
      key: content.key,
      version: content.version,
      name: content.name,
      description: content.description,
      currency: content.currency,
      billingCadence: content.billingCadence,
      proRating: content.proRating,
      phases: content.phases,
      metadata: content.metadata,
      id: this.ctx.ids(ID_PREFIX.plan),
      validationErrors: [],
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      effectiveFrom: null,
      effectiveTo: null,
    };
    draft.validationErrors = await this.validate(tx, draft);
    await tx.plans.insert(draft);
    return draft;
  }

  private toPlan(record: PlanRecord): Plan {
    return toPlan(record, planStatus(record, this.ctx.clock.now()));
  }

  private async resolve(tx: StorageTransaction, id: string): Promise<PlanRecord> {
    const found = await tx.plans.findById(id);
    if (!found) throw new NotFoundError('plan', id);
    return found;
  }

  /** The draft named by `ref`: a version id, or a plan key (its draft). */
  private async resolveDraft(tx: StorageTransaction, ref: string): Promise<PlanRecord> {
    if (isIdOf(ID_PREFIX.plan, ref)) {
      const version = await this.resolve(tx, ref);
      if (isPublished(version)) throw catalogStateError(`Plan ${version.key} version ${version.version} is published and cannot change`, 'not_draft');
      return version;
    }
    const versions = await tx.plans.versions(ref);
    if (versions.length === 0) throw new NotFoundError('plan', ref);
    const draft = versions.find((v) => !isPublished(v));
    if (!draft) throw catalogStateError(`Plan ${ref} has no draft: start one with newVersion()`, 'not_draft');
    return draft;
  }

  /** Plan validation against the features as they are now. */
  private validate(tx: StorageTransaction, plan: PlanRecord): Promise<ValidationIssue[]> {
    return planIssues(this.ctx, tx, plan);
  }
}

/**
 * Plan validation as a publish does it, against the features as they are now (docs/semantics.md
 * D12): rate cards, prices, phases and cadences (`validatePlan`), and a currency this client knows.
 * Also what a custom plan of a subscription must pass (BILLING.md SB1).
 */
export async function planIssues(
  ctx: ServiceContext,
  tx: StorageTransaction,
  plan: Pick<PlanRecord, 'currency' | 'billingCadence' | 'phases'>,
): Promise<ValidationIssue[]> {
  const phases = plan.phases as Array<{ key: string; duration?: string | null; rateCards: unknown[] }>;
  const keys = new Set<string>();
  for (const phase of phases) {
    for (const card of phase.rateCards) {
      const feature = (card as { feature?: unknown }).feature;
      if (typeof feature === 'string') keys.add(feature);
    }
  }
  const features = new Map<string, FeatureFacts>();
  for (const key of keys) {
    const found = await tx.features.findByKey(key);
    if (found) features.set(key, { meterKey: found.meterKey, archived: found.archivedAt !== null });
  }
  const issues = validatePlan({ billingCadence: plan.billingCadence, phases }, features);
  if (!ctx.currencies.has(plan.currency)) {
    issues.push({ path: 'currency', code: 'unknown_currency', message: `Unknown currency ${plan.currency}` });
  }
  return issues;
}
