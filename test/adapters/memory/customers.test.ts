import { memoryStorage } from 'tollgate/adapters/memory';
import { customersFacadeSuite } from '../../support/customers-facade-suite';

customersFacadeSuite('memory', async () => ({ storage: memoryStorage() }));
