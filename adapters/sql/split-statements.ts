/**
 * Splits a migration body into statements at semicolons that end a line. Migration SQL is written
 * so that no string literal contains such a semicolon.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(--[^\n]*\n?\s*)+$/.test(s + '\n'));
}
