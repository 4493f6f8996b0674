/**
 * Compile-time checks that tie a schema to the core type it is written against: the core owns the
 * domain types (with their docs), the schema validates them, and these make the build fail when
 * the two drift apart. Types only: nothing here exists at run time.
 */

/**
 * `true` when `A` and `B` are the same type (the same members, the same optionality and
 * `readonly` modifiers), `false` otherwise. Stricter than mutual assignability.
 */
export type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `T` is `true`: `type _ = Assert<Exact<z.input<typeof schema>, CoreType>>`. */
export type Assert<T extends true> = T;
