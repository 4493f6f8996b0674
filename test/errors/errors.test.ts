import { describe, expect, it } from 'vitest';
import {
  ConcurrencyError,
  ConflictError,
  NotFoundError,
  StateError,
  TollgateError,
  ValidationError,
  isTollgateError,
} from 'tollgate';

describe('errors', () => {
  it.each([
    [new ValidationError([{ path: 'a', code: 'x', message: 'bad' }]), 'validation_error', 'ValidationError'],
    [new NotFoundError('customer', 'acme'), 'not_found', 'NotFoundError'],
    [new ConflictError('dup', 'customer.key'), 'conflict', 'ConflictError'],
    [new StateError('no', 'archived'), 'state_error', 'StateError'],
    [new ConcurrencyError('busy'), 'concurrency_error', 'ConcurrencyError'],
  ])('%s has a stable code and name and is recognised', (error, code, name) => {
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(TollgateError);
    expect(error).toBeInstanceOf(Error);
    expect(isTollgateError(error)).toBe(true);
  });

  it('recognises errors by brand, not by class identity (dual ESM/CJS)', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('tollgate.error')]: true, code: 'not_found' });
    expect(isTollgateError(foreign)).toBe(true);
    expect(isTollgateError(new Error('plain'))).toBe(false);
    expect(isTollgateError(null)).toBe(false);
    expect(isTollgateError('string')).toBe(false);
  });

  it('ValidationError lists every issue in its message and keeps them frozen', () => {
    const error = new ValidationError([
      { path: 'tiers[1].upTo', code: 'invalid_decimal', message: 'Not a decimal' },
      { path: '', code: 'invalid_type', message: 'Expected an object' },
    ]);
    expect(error.message).toBe('Invalid input: tiers[1].upTo: Not a decimal; Expected an object');
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(ValidationError.single('key', 'required', 'Required').issues).toEqual([{ path: 'key', code: 'required', message: 'Required' }]);
  });

  it('keeps the cause', () => {
    const cause = new Error('driver');
    expect(new ConflictError('dup', 'customer.key', { cause }).cause).toBe(cause);
  });
});
