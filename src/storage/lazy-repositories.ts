/**
 * For each repository of a transaction, how an adapter makes it from the transaction's context
 * (its connection, undo journal...). An adapter writes one such object per domain and spreads them
 * into its one call of {@link lazyRepositories}.
 */
export type RepositoryFactories<T, C> = { readonly [K in keyof T]-?: (context: C) => T[K] };

const CONTEXT = Symbol('context');
const MADE = Symbol('repositories');

/**
 * Builds, once per adapter, the function that opens a transaction's repositories: each one is made
 * on its first access and kept for the rest of the transaction, so a check that reads two
 * repositories does not pay for twelve.
 *
 * Every transaction object is an instance of one class with a getter per repository on its
 * prototype and a fixed-size slot array, so every `tx.<repository>` site stays monomorphic
 * (memoizing as own properties would give each access order its own hidden class).
 * @example
 * const openTransaction = lazyRepositories<StorageTransaction, MyContext>({ ...customerFactories, ...meteringFactories });
 * const tx = openTransaction({ connection });
 */
export function lazyRepositories<T extends object, C>(factories: RepositoryFactories<T, C>): (context: C) => T {
  const keys = Object.keys(factories) as Array<keyof T & string>;

  class LazyTransaction {
    readonly [CONTEXT]: C;
    readonly [MADE]: unknown[];
    constructor(context: C) {
      this[CONTEXT] = context;
      this[MADE] = new Array<unknown>(keys.length);
    }
  }

  keys.forEach((key, slot) => {
    const make = factories[key] as (context: C) => unknown;
    Object.defineProperty(LazyTransaction.prototype, key, {
      enumerable: true,
      get(this: LazyTransaction) {
        const made = this[MADE];
        return made[slot] ?? (made[slot] = make(this[CONTEXT]));
      },
    });
  });

  return (context) => new LazyTransaction(context) as unknown as T;
}
