export { memoryStorage, type MemoryStorageOptions } from './memory-storage';
export { MemoryDatabase } from './memory-database';
