import { describe, expect, it, vi } from 'vitest';
import { StateError, ValidationError, createTollgate } from 'tollgate';
import { memoryStorage } from 'tollgate/adapters/memory';
import { TestClock, createTestTollgate } from 'tollgate/testing';

describe('createTollgate', () => {
  it('defaults to in-memory storage and works once migrated', async () => {
    const tg = createTollgate();
    expect(tg.storage.dialect).toBe('memory');
    expect((await tg.migrate()).applied.length).toBeGreaterThan(0);
    expect((await tg.customers.create({ key: 'a' })).key).toBe('a');
  });

  it.each([
    [{ rounding: 'up' }, 'rounding'],
    [{ storage: {} }, 'storage'],
    [{ clock: { now: 5 } }, 'clock'],
    [{ currencies: { CREDITS: { precision: 40 } } }, 'currencies.CREDITS.precision'],
    [{ currencies: { credits: { precision: 2 } } }, 'currencies.credits'],
    [{ storage: memoryStorage(), typo: true }, 'typo'],
  ])('rejects bad options %j naming %s', (options, path) => {
    const error = (() => {
      try {
        createTollgate(options as never);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
  });

  it('refuses every call once closed', async () => {
    const tg = await createTestTollgate();
    await tg.close();
    await tg.close();
    await expect(tg.customers.create({ key: 'x' })).rejects.toBeInstanceOf(StateError);
    await expect(tg.migrate()).rejects.toMatchObject({ reason: 'closed' });
  });

  it('uses the injected clock for timestamps and time-ordered ids', async () => {
    const clock = new TestClock('2030-01-01T00:00:00Z');
    const tg = createTollgate({ clock });
    await tg.migrate();
    const a = await tg.customers.create({ key: 'a' });
    clock.advance('P1D');
    const b = await tg.customers.create({ key: 'b' });
    expect(a.createdAt.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(b.createdAt.toISOString()).toBe('2030-01-02T00:00:00.000Z');
    expect(a.id < b.id).toBe(true);
  });
});

describe('notifications', () => {
  it('emits customer events after the change, with the customer', async () => {
    const tg = await createTestTollgate();
    const seen: string[] = [];
    tg.on('customer.created', ({ customer }) => seen.push(`created ${customer.key}`));
    tg.on('customer.updated', ({ customer }) => seen.push(`updated ${customer.name}`));
    const off = tg.on('customer.archived', ({ customer }) => seen.push(`archived ${customer.key}`));
    await tg.customers.create({ key: 'a' });
    await tg.customers.update('a', { name: 'A' });
    await tg.customers.archive('a');
    await tg.customers.archive('a');
    off();
    await tg.customers.create({ key: 'b' });
    await tg.customers.archive('b');
    expect(seen).toEqual(['created a', 'updated A', 'archived a', 'created b']);
  });

  it('does not emit for a change that failed', async () => {
    const tg = await createTestTollgate();
    const handler = vi.fn();
    await tg.customers.create({ key: 'a' });
    tg.on('customer.created', handler);
    await expect(tg.customers.create({ key: 'a' })).rejects.toThrow();
    expect(handler).not.toHaveBeenCalled();
  });

  it('a throwing listener never fails the operation; its error goes to listener.error', async () => {
    const tg = await createTestTollgate();
    const errors: unknown[] = [];
    tg.on('listener.error', ({ error }) => errors.push(error));
    tg.on('customer.created', () => {
      throw new Error('listener bug');
    });
    const created = await tg.customers.create({ key: 'a' });
    expect(created.key).toBe('a');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('listener bug');
  });
});
