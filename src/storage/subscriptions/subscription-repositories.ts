import type { SubscriptionRepository } from './subscription-repository';

/** The subscriptions domain's repositories inside one transaction. */
export interface SubscriptionRepositories {
  readonly subscriptions: SubscriptionRepository;
}
