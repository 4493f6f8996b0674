export { TollgateError, isTollgateError, type TollgateErrorCode } from './tollgate-error';
export { ValidationError, type ValidationIssue } from './validation-error';
export { NotFoundError } from './not-found-error';
export { ConflictError } from './conflict-error';
export { StateError } from './state-error';
export { ConcurrencyError } from './concurrency-error';
