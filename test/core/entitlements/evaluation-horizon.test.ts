import { describe, expect, it } from 'vitest';
import { assertWithinHorizon } from '../../../src/core/entitlements';
import { ValidationError } from '../../../src/errors';

const NOW = Date.parse('2024-03-10T12:00:00Z');

describe('assertWithinHorizon', () => {
  it.each([
    ['now', NOW, true],
    ['the past, however far', Date.parse('0001-01-01T00:00:00Z'), true],
    ['exactly ten calendar years ahead', Date.parse('2034-03-10T12:00:00Z'), true],
    ['1 ms past ten years', Date.parse('2034-03-10T12:00:00.001Z'), false],
    ['9999-12-31', Date.parse('9999-12-31T00:00:00Z'), false],
  ] as const)('%s', (_case, atMs, ok) => {
    if (ok) expect(() => assertWithinHorizon(atMs, NOW, 'at')).not.toThrow();
    else {
      let error: unknown;
      try {
        assertWithinHorizon(atMs, NOW, 'at');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['at beyond_horizon']);
    }
  });
});
