import { describe, expect, it, vi } from 'vitest';
import { checkpointCovers, type CheckpointBounds } from '../../../src/core/entitlements';

const START = Date.parse('2024-03-01T00:00:00.000Z');
const NEXT = Date.parse('2024-04-01T00:00:00.000Z');
const k: CheckpointBounds = { version: 3, fingerprint: 'f1', segmentStartMs: START, tailBoundMs: START + 1000, pendingFromMs: null };
const now = { version: 3, fingerprint: 'f1' };

describe('checkpointCovers', () => {
  it.each([
    // [case, checkpoint patch, subject patch, atMs, expected, nextChangeMs asked]
    ['covers an instant inside the segment', {}, {}, START + 5000, true, true],
    ['at == tailBound is covered (tail holds events before it)', {}, {}, START + 1000, true, true],
    ['tail bound 1 ms past at: covered (a check counts the events stamped at `at`)', {}, {}, START + 999, true, true],
    ['tail bound 2 ms past at: not covered', {}, {}, START + 998, false, false],
    ['tail bound equal to segment start, at the segment start', { tailBoundMs: START }, {}, START, true, true],
    ['1 ms before the segment start: not covered', { tailBoundMs: START - 5 }, {}, START - 1, false, false],
    ['version changed', {}, { version: 4 }, START + 5000, false, false],
    ['older version on the subject', {}, { version: 2 }, START + 5000, false, false],
    ['fingerprint changed', {}, { fingerprint: 'f2' }, START + 5000, false, false],
    ['1 ms before the next change: covered', {}, {}, NEXT - 1, true, true],
    ['at == next change: not covered (exclusive)', {}, {}, NEXT, false, true],
    ['after the next change: not covered', {}, {}, NEXT + 1, false, true],
    ['before its pending usage: covered', { pendingFromMs: START + 9000 }, {}, START + 8999, true, true],
    ['at its pending usage: not covered (the tail leaves that event out)', { pendingFromMs: START + 9000 }, {}, START + 9000, false, false],
    ['after its pending usage: not covered', { pendingFromMs: START + 9000 }, {}, START + 20_000, false, false],
  ] as const)('%s', (_case, kPatch, nowPatch, atMs, expected, asked) => {
    const next = vi.fn(() => NEXT);
    expect(checkpointCovers({ ...k, ...kPatch }, { ...now, ...nowPatch }, atMs, next)).toBe(expected);
    expect(next).toHaveBeenCalledTimes(asked ? 1 : 0);
  });
});
