import { memoryStorage } from 'tollgate/adapters/memory';
import { entitlementsFacadeSuite } from '../../support/entitlements-facade-suite';

entitlementsFacadeSuite('memory', async () => ({ storage: memoryStorage() }));
