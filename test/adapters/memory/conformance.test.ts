import { MemoryDatabase, memoryStorage } from 'tollgate/adapters/memory';
import { storageConformance } from 'tollgate/testing';

storageConformance('memory', async () => {
  const database = new MemoryDatabase();
  return { open: (options) => memoryStorage({ database, ...options }) };
});
