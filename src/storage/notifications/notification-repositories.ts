import type { NotificationRepository } from './notification-repository';

/** The notifications domain's repositories inside one transaction: the durable outbox. */
export interface NotificationRepositories {
  readonly notifications: NotificationRepository;
}
