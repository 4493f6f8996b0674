/**
 * The canonical key of a combination of dimension values of a matrix price: the values in the
 * order of `dimensions` (a missing value reads as `null`). A compiled matrix price indexes its
 * entries by it, and usage finds its entry by it, whatever the order of the keys in `values`.
 * @internal
 * @example
 * matrixKey(['region', 'model'], { model: 'large', region: 'eu' }); // '["eu","large"]'
 */
export function matrixKey(dimensions: readonly string[], values: Readonly<Record<string, string>>): string {
  return JSON.stringify(dimensions.map((d) => values[d] ?? null));
}
