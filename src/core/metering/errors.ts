import { ConflictError } from '../../errors';

/** What collided among meters (`ConflictError.target`). */
export type MeteringConflictTarget = 'meter.id' | 'meter.key';

/** A metering ConflictError with its typed target. */
export const meteringConflict = (message: string, target: MeteringConflictTarget, options?: { cause?: unknown }): ConflictError<MeteringConflictTarget> =>
  new ConflictError(message, target, options);
