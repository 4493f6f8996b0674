/**
 * The subjects a meter query is restricted to (`null`: every subject): the `subject` filter, the
 * subjects of the `customer` filter's customers (attributed now), or the subjects in both.
 * @example
 * querySubjects(['a', 'b'], [{ subjectKeys: ['b', 'c'] }]); // ['b']
 * querySubjects(undefined, null); // null
 */
export function querySubjects(subjects: readonly string[] | undefined, customers: ReadonlyArray<{ readonly subjectKeys: readonly string[] }> | null): string[] | null {
  const bySubject = subjects !== undefined && subjects.length > 0 ? new Set(subjects) : null;
  const byCustomer = customers === null ? null : new Set(customers.flatMap((c) => c.subjectKeys));
  if (bySubject === null) return byCustomer === null ? null : [...byCustomer];
  return [...bySubject].filter((s) => byCustomer === null || byCustomer.has(s));
}
