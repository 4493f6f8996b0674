import { memoryStorage } from 'tollgate/adapters/memory';
import { subscriptionsFacadeSuite } from '../../support/subscriptions-facade-suite';

subscriptionsFacadeSuite('memory', async () => ({ storage: memoryStorage() }));
