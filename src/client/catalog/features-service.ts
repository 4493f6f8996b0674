import { ValidationError, type ValidationIssue } from '../../errors';
import { type FeatureCreateInput, type FeatureListInput, featureCreateSchema, featureListSchema, parseInput, refSchema } from '../../schema';
import type { FeatureRecord, StorageTransaction } from '../../storage';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, toPage } from '../shared/cursor';
import { type Feature, toFeature } from './feature';
import { ID_PREFIX } from '../shared/ids';
import { resolveRef } from '../shared/resolve-ref';

/** A feature by id, or by key (the active one, else the one archived last); NotFoundError otherwise. */
export function resolveFeature(tx: StorageTransaction, ref: string): Promise<FeatureRecord> {
  return resolveRef('feature', ID_PREFIX.feature, ref, { byId: (id) => tx.features.findById(id), byKey: (key) => tx.features.findByKey(key) });
}

/** `tg.features`: what plans sell and entitlements grant. Immutable once created, but for archive. */
export class FeaturesService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Creates a feature. With `meterKey` the feature is metered by that meter (which must exist and
   * not be archived); `meterGroupByFilters` may only name the meter's own dimensions.
   * @example
   * await tg.features.create({ key: 'gpt_tokens', meterKey: 'tokens', meterGroupByFilters: { model: ['gpt-4o', 'gpt-4o-mini'] } });
   */
  async create(input: FeatureCreateInput): Promise<Feature> {
    const data = parseInput(featureCreateSchema, input);
    const record: FeatureRecord = {
      id: this.ctx.ids(ID_PREFIX.feature),
      key: data.key,
      name: data.name ?? null,
      meterKey: data.meterKey ?? null,
      meterGroupByFilters: data.meterGroupByFilters ?? {},
      metadata: data.metadata ?? {},
      createdAt: this.ctx.clock.now(),
      archivedAt: null,
    };
    await this.ctx.transaction(async (tx) => {
      const issues = await meterIssues(tx, record);
      if (issues.length > 0) throw new ValidationError(issues);
      await tx.features.insert(record);
    });
    return toFeature(record);
  }

  /**
   * The feature with this id, or the active feature with this key (else the one archived last).
   * @example
   * const f = await tg.features.get('gpt_tokens');
   */
  async get(ref: string): Promise<Feature> {
    const featureRef = parseInput(refSchema, ref, { prefix: 'ref' });
    return toFeature(await this.ctx.transaction((tx) => resolveFeature(tx, featureRef)));
  }

  /**
   * Features in creation order, a page at a time; archived ones only with `includeArchived`.
   * @example
   * const { items } = await tg.features.list({ meterKey: 'tokens' });
   */
  async list(input: FeatureListInput = {}): Promise<Page<Feature>> {
    const data = parseInput(featureListSchema, input);
    const limit = data.limit ?? 100;
    const afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    const rows = await this.ctx.transaction((tx) =>
      tx.features.list({
        limit: limit + 1,
        includeArchived: data.includeArchived ?? false,
        ...(afterId !== undefined && { afterId }),
        ...(data.meterKey !== undefined && { meterKey: data.meterKey }),
      }),
    );
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map(toFeature) };
  }

  /**
   * Archives a feature: it stays readable by id, and its key becomes free for a new feature.
   * Archiving twice is a no-op.
   * @example
   * await tg.features.archive('gpt_tokens');
   */
  async archive(ref: string): Promise<Feature> {
    const featureRef = parseInput(refSchema, ref, { prefix: 'ref' });
    const record = await this.ctx.transaction(async (tx) => {
      const current = await resolveFeature(tx, featureRef);
      if (current.archivedAt) return current;
      const archivedAt = this.ctx.clock.now();
      await tx.features.archive(current.id, archivedAt);
      return { ...current, archivedAt };
    });
    return toFeature(record);
  }
}

/** The meter must exist and be active, and the filters may only name its dimensions. */
async function meterIssues(tx: StorageTransaction, feature: FeatureRecord): Promise<ValidationIssue[]> {
  if (feature.meterKey === null) return [];
  const meter = await tx.meters.findByKey(feature.meterKey);
  if (!meter) return [{ path: 'meterKey', code: 'unknown_meter', message: `No meter with key ${feature.meterKey}` }];
  if (meter.archivedAt) return [{ path: 'meterKey', code: 'meter_archived', message: `Meter ${meter.key} is archived` }];
  const dimensions = Object.keys(meter.groupBy);
  return Object.keys(feature.meterGroupByFilters)
    .filter((dimension) => !dimensions.includes(dimension))
    .map((dimension) => ({
      path: `meterGroupByFilters.${dimension}`,
      code: 'unknown_dimension',
      message: `Meter ${meter.key} has no group-by dimension ${dimension} (it has: ${dimensions.join(', ') || 'none'})`,
    }));
}
