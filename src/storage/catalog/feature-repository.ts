import type { FeatureRecord } from './catalog-records';

/** Features, inside a transaction. A key is unique among features that are not archived. */
export interface FeatureRepository {
  /** Inserts a feature; ConflictError (target `feature.key`) when an active feature has its key. */
  insert(feature: FeatureRecord): Promise<void>;
  /** Sets `archivedAt` of the feature with this id. */
  archive(id: string, at: Date): Promise<void>;
  findById(id: string): Promise<FeatureRecord | undefined>;
  /** The active feature with this key, else the one archived last. */
  findByKey(key: string): Promise<FeatureRecord | undefined>;
  /** Features ordered by id, strictly after `afterId` when given. */
  list(options: { limit: number; afterId?: string; includeArchived: boolean; meterKey?: string }): Promise<FeatureRecord[]>;
}
