/** What collided among meters (`ConflictError.target`). */
export type MeteringConflictTarget = 'meter.id' | 'meter.key';
