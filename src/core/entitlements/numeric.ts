/**
 * A decimal as Tollgate accepts it on input: a decimal string (`"12.5"`) or a finite JS number
 * (read as its shortest decimal form). Outputs are always canonical decimal strings.
 */
export type NumericInput = string | number;
