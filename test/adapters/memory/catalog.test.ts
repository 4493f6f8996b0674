import { memoryStorage } from 'tollgate/adapters/memory';
import { catalogFacadeSuite } from '../../support/catalog-facade-suite';

catalogFacadeSuite('memory', async () => ({ storage: memoryStorage() }));
