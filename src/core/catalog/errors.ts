import { ConflictError, StateError } from '../../errors';

/** Why a catalog action is refused in the current state (`StateError.reason`). */
export type CatalogStateReason =
  /** A version starts at or after the one being published: archive it first. */
  | 'overlapping_version'
  /** Nothing published is in effect at the instant of an archive. */
  | 'not_published'
  /** A new version was asked while a draft exists. */
  | 'draft_exists'
  /** Only a draft can change or be published. */
  | 'not_draft';

/** What collided in the catalog (`ConflictError.target`). */
export type CatalogConflictTarget = 'plan.key' | 'plan.version' | 'feature.key';

/** A catalog StateError with its typed reason. */
export const catalogStateError = (message: string, reason: CatalogStateReason): StateError<CatalogStateReason> => new StateError(message, reason);

/** A catalog ConflictError with its typed target. */
export const catalogConflict = (message: string, target: CatalogConflictTarget, options?: { cause?: unknown }): ConflictError<CatalogConflictTarget> =>
  new ConflictError(message, target, options);
