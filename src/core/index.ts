/**
 * `tollgate/core`: the pure functions (money, time, pricing, burn-down). No storage, no clock:
 * time is always an argument.
 * @packageDocumentation
 */
export * from './money';
export * from './time';
