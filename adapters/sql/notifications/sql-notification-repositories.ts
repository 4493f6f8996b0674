import type { NotificationRepositories, RepositoryFactories } from '../../../src/storage';
import type { SqlTransactionContext } from '../sql-transaction-context';
import { SqlNotificationRepository } from './sql-notification-repository';

/** The notifications domain's repositories of a SQL transaction. */
export const sqlNotificationRepositories: RepositoryFactories<NotificationRepositories, SqlTransactionContext> = {
  notifications: (c) => new SqlNotificationRepository(c.sql, c.dialect),
};
