import type { NotificationRepositories, RepositoryFactories } from '../../../src/storage';
import type { MemoryTransactionContext } from '../memory-database';
import { MemoryNotificationRepository } from './memory-notification-repository';

/** The notifications domain's repositories of a memory transaction. */
export const memoryNotificationRepositories: RepositoryFactories<NotificationRepositories, MemoryTransactionContext> = {
  notifications: (c) => new MemoryNotificationRepository(c.db, c.journal),
};
