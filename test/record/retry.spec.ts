import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RETRY, formatDuration, JITTER, parseRetryAfter, retryDelay } from '../../src/record/retry.js';

const now = Date.parse('2026-11-25T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });
  it('reads an HTTP-date, relative to now; a past date is 0', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });
  it('ignores what is neither', () => {
    for (const value of [undefined, null, '', 'soon', '-1', '1.5', '12abc']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('grows exponentially without Retry-After: 1 s, 2 s, 4 s (no jitter at random 0)', () => {
    expect([0, 1, 2].map((attempt) => retryDelay(attempt, undefined, DEFAULT_RETRY, () => 0))).toEqual([1000, 2000, 4000]);
  });
  it('never waits less than Retry-After, nor more than the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, retryAfter, r) => {
          const delay = retryDelay(attempt, retryAfter, DEFAULT_RETRY, () => r);
          const floor = Math.min(DEFAULT_RETRY.maxDelayMs, Math.max(retryAfter ?? 0, 1000 * 2 ** attempt));
          expect(delay).toBeGreaterThanOrEqual(floor);
          expect(delay).toBeLessThanOrEqual(Math.min(DEFAULT_RETRY.maxDelayMs, Math.ceil(floor * (1 + JITTER))));
        },
      ),
    );
  });
  it('adds at most 25 % jitter', () => {
    expect(retryDelay(0, 1000, DEFAULT_RETRY, () => 0.999999)).toBe(1250);
    expect(retryDelay(0, 10_000, DEFAULT_RETRY, () => 0.5)).toBe(11_250);
  });
});

describe('formatDuration', () => {
  it('says seconds when it can', () => {
    expect(formatDuration(10_000)).toBe('10 s');
    expect(formatDuration(1130)).toBe('1.1 s');
    expect(formatDuration(300)).toBe('300 ms');
  });
});
