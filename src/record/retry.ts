/**
 * Rate limits (HTTP 429). Voucherify answers 429 with `Retry-After` when a project sends too many requests. A
 * rate-limited request was not processed, so retrying it publishes no extra voucher; a timed-out or reset one
 * may have been, so only 429 is retried.
 *
 * The wait before retry n (0-based) is `max(Retry-After, base·2ⁿ) × (1 + 0.25·random)`, at most `maxDelayMs`:
 * never earlier than the server asked, growing exponentially, spread by jitter. A `Retry-After` longer than
 * `maxDelayMs` is not waited for: the request is reported instead.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The exponential step: base, 2·base, 4·base… */
  baseDelayMs: number;
  /** The longest wait; a longer Retry-After gives up. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** Jitter: up to this fraction is added to each wait. */
export const JITTER = 0.25;

/**
 * `Retry-After` in milliseconds from now: delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`).
 * A date in the past is 0. Anything else is undefined (no usable value).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[A-Za-z]/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The wait before retry `attempt` (0-based). */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy, random: () => number): number {
  const exponential = policy.baseDelayMs * 2 ** attempt;
  const wait = Math.max(retryAfterMs ?? 0, exponential);
  return Math.min(policy.maxDelayMs, Math.round(wait * (1 + JITTER * random())));
}

export function formatDuration(ms: number): string {
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms} ms`;
}
