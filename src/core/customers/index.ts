/**
 * Customers core: the reason codes of customer errors (customers carry no pricing or period rule;
 * attribution of subjects is metering's).
 * @packageDocumentation
 */
export { customerStateError, type CustomerStateReason, type CustomerConflictTarget } from './errors';
