import { memoryStorage } from 'tollgate/adapters/memory';
import { meteringFacadeSuite } from '../../support/metering-facade-suite';

meteringFacadeSuite('memory', async () => ({ storage: memoryStorage() }));
