/**
 * One feed request as Iterable makes it: GET with the feed's headers, a time limit for the whole exchange
 * (Iterable allows 10 s), redirects not followed (a redirect would carry the credentials to another host; it is
 * recorded as the non-200 response it is). HTTP 429 is retried as `retry.ts` says; nothing else is, because a
 * timed-out or reset request may already have published a voucher.
 *
 * Error messages are built from error codes, never from the error's text alone, so they cannot quote a header.
 */
import { DEFAULT_RETRY, formatDuration, parseRetryAfter, retryDelay, type RetryPolicy } from './retry.js';

export interface HttpResponse {
  status: number;
  headers: [string, string][];
  text: string;
}

export type HttpOutcome = { ok: true; response: HttpResponse; retries: number } | { ok: false; message: string; retries: number };

export interface RetryNotice {
  /** 1-based retry number. */
  retry: number;
  maxRetries: number;
  delayMs: number;
  retryAfterMs: number | undefined;
}

/** The largest response body read (10 MB): a feed answers a few kilobytes; more is a wrong URL or a hostile server. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface HttpOptions {
  timeoutMs: number;
  /** Reading stops, and the request fails, past this many body bytes (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (notice: RetryNotice) => void;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function requestFeed(url: string, headers: Record<string, string>, options: HttpOptions): Promise<HttpOutcome> {
  const policy = options.retry ?? DEFAULT_RETRY;
  const now = options.now ?? Date.now;
  for (let attempt = 0; ; attempt++) {
    const once = await fetchOnce(url, headers, options);
    if (!once.ok) return { ok: false, message: once.message, retries: attempt };
    const response = once.response;
    if (response.status !== 429) return { ok: true, response, retries: attempt };
    const header = response.headers.find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
    const retryAfterMs = parseRetryAfter(header, now());
    if (attempt >= policy.maxRetries) {
      return {
        ok: false,
        message: `rate limited: still HTTP 429 after ${policy.maxRetries} ${policy.maxRetries === 1 ? 'retry' : 'retries'}; try again later`,
        retries: attempt,
      };
    }
    if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) {
      return {
        ok: false,
        message: `rate limited: HTTP 429 with Retry-After ${formatDuration(Math.ceil(retryAfterMs / 1000) * 1000)}, longer than the ${formatDuration(policy.maxDelayMs)} this command waits; try again later`,
        retries: attempt,
      };
    }
    const delayMs = retryDelay(attempt, retryAfterMs, policy, options.random ?? Math.random);
    options.onRetry?.({ retry: attempt + 1, maxRetries: policy.maxRetries, delayMs, retryAfterMs });
    await (options.sleep ?? sleepFor)(delayMs);
  }
}

async function fetchOnce(
  url: string,
  headers: Record<string, string>,
  options: HttpOptions,
): Promise<{ ok: true; response: HttpResponse } | { ok: false; message: string }> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(url, { method: 'GET', headers, redirect: 'manual', signal });
    // The body is read under the same signal: the time limit covers the whole exchange.
    const body = await readCapped(response, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (!body.ok) return body;
    return { ok: true, response: { status: response.status, headers: [...response.headers.entries()], text: body.text } };
  } catch (error) {
    return { ok: false, message: describeFetchError(error, options.timeoutMs, signal) };
  }
}

/**
 * The body as text, counted as it streams in: past `max` bytes reading stops and the connection is cancelled, so
 * a huge or endless body never sits in memory. A Content-Length over the cap fails before reading anything.
 */
async function readCapped(response: Response, max: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const tooLarge = () => ({
    ok: false as const,
    message: `the response body is larger than ${formatBytes(max)}, the cap for a recording (--max-body-mb raises it)`,
  });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    return tooLarge();
  }
  if (!response.body) return { ok: true, text: '' };
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${bytes} bytes`;
}

const CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset: the server closed the connection without an answer',
  EPIPE: 'connection reset: the server closed the connection without an answer',
  UND_ERR_SOCKET: 'connection reset: the server closed the connection without an answer',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
  UND_ERR_HEADERS_OVERFLOW: 'the response headers are too large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the response body is shorter or longer than its Content-Length',
  HPE_INVALID_CONSTANT: 'the server did not answer HTTP',
  ERR_INVALID_URL: 'not a valid URL',
};

/** A short, fixed description of why a request failed. */
export function describeFetchError(error: unknown, timeoutMs: number, signal?: AbortSignal): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'TimeoutError' || (name === 'AbortError' && signal?.aborted)) return `timed out after ${formatDuration(timeoutMs)}`;
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    if ((current as { name?: unknown }).name === 'TimeoutError') return `timed out after ${formatDuration(timeoutMs)}`;
    current = (current as { cause?: unknown }).cause;
  }
  for (const code of codes) if (CODES[code]) return CODES[code]!;
  const tls = codes.find((code) => /CERT|SSL|TLS|SELF_SIGNED/.test(code));
  if (tls) return `TLS error (${tls})`;
  if (codes.length) return `request failed (${codes[0]})`;
  if (error instanceof Error && error.message === 'terminated') return CODES.ECONNRESET!;
  return `request failed (${name || 'unknown error'})`;
}

export interface FeedCall {
  url: string;
  headers: Record<string, string>;
}

export type CallEvent = { type: 'retry'; index: number; notice: RetryNotice } | { type: 'result'; index: number; outcome: HttpOutcome };

/** Performs the calls, at most `concurrency` at a time, reporting each retry and each result by call index. */
export async function requestAll(
  calls: readonly FeedCall[],
  options: HttpOptions & { concurrency: number },
  onEvent: (event: CallEvent) => void,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < calls.length) {
      const index = next++;
      const call = calls[index]!;
      const outcome = await requestFeed(call.url, call.headers, { ...options, onRetry: (notice) => onEvent({ type: 'retry', index, notice }) }).catch(
        (error: unknown): HttpOutcome => ({ ok: false, message: describeFetchError(error, options.timeoutMs), retries: 0 }),
      );
      onEvent({ type: 'result', index, outcome });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, calls.length)) }, lane));
}
