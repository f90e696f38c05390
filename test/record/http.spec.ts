/** The request layer in-process, against servers on 127.0.0.1 started here (no network). */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeFetchError, requestAll, requestFeed, type CallEvent } from '../../src/record/http.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fast = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 1000 };

describe('requestFeed', () => {
  it('sends the headers and reads the body', async () => {
    const base = await serve((req, res) => res.end(JSON.stringify({ token: req.headers['x-app-token'], url: req.url })));
    const outcome = await requestFeed(`${base}/v1/publications/create?customer[source_id]=a%2Bb`, { 'X-App-Token': 't' }, { timeoutMs: 2000 });
    expect(outcome).toMatchObject({
      ok: true,
      retries: 0,
      response: { status: 200, text: '{"token":"t","url":"/v1/publications/create?customer[source_id]=a%2Bb"}' },
    });
  });

  it('gives up on 429 after the bounded retries, waiting exponentially longer', async () => {
    let count = 0;
    const base = await serve((_req, res) => {
      count++;
      res.writeHead(429, { 'retry-after': '0' }).end('{"code":429,"message":"Too many requests hit the API too quickly."}');
    });
    const delays: number[] = [];
    const outcome = await requestFeed(`${base}/x`, {}, { timeoutMs: 2000, retry: fast, random: () => 0, sleep: async (ms) => void delays.push(ms) });
    expect(outcome).toEqual({ ok: false, message: 'rate limited: still HTTP 429 after 3 retries; try again later', retries: 3 });
    expect(count).toBe(4);
    expect(delays).toEqual([5, 10, 20]);
  });

  it('honours an HTTP-date Retry-After, then returns the answer', async () => {
    let count = 0;
    const now = Date.parse('2026-11-25T10:00:00Z');
    const base = await serve((_req, res) => {
      if (count++ === 0) res.writeHead(429, { 'retry-after': 'Wed, 25 Nov 2026 10:00:03 GMT' }).end();
      else res.end('{}');
    });
    const delays: number[] = [];
    const notices: number[] = [];
    const outcome = await requestFeed(
      `${base}/x`,
      {},
      { timeoutMs: 2000, random: () => 0.5, now: () => now, sleep: async (ms) => void delays.push(ms), onRetry: (n) => notices.push(n.retryAfterMs!) },
    );
    expect(outcome).toMatchObject({ ok: true, retries: 1, response: { status: 200 } });
    expect(notices).toEqual([3000]);
    expect(delays).toEqual([3375]);
  });

  it('waits for real between retries (timing bounds)', async () => {
    const times: number[] = [];
    const base = await serve((_req, res) => {
      times.push(Date.now());
      if (times.length === 1) res.writeHead(429, { 'retry-after': '0' }).end();
      else res.end('{}');
    });
    const outcome = await requestFeed(`${base}/x`, {}, { timeoutMs: 2000, retry: { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 1000 } });
    expect(outcome.ok).toBe(true);
    const waited = times[1]! - times[0]!;
    expect(waited).toBeGreaterThanOrEqual(195);
    expect(waited).toBeLessThan(250 + 200);
  });

  it('does not retry when Retry-After is longer than it would wait', async () => {
    let count = 0;
    const base = await serve((_req, res) => {
      count++;
      res.writeHead(429, { 'retry-after': '3600' }).end();
    });
    const outcome = await requestFeed(`${base}/x`, {}, { timeoutMs: 2000 });
    expect(outcome).toEqual({
      ok: false,
      message: 'rate limited: HTTP 429 with Retry-After 3600 s, longer than the 60 s this command waits; try again later',
      retries: 0,
    });
    expect(count).toBe(1);
  });

  it('times out (also while the body is still coming) and does not retry', async () => {
    let count = 0;
    const base = await serve((req, res) => {
      count++;
      if (req.url === '/headers-only') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"partial":');
      }
    });
    const started = Date.now();
    expect(await requestFeed(`${base}/silent`, {}, { timeoutMs: 200 })).toEqual({ ok: false, message: 'timed out after 200 ms', retries: 0 });
    expect(await requestFeed(`${base}/headers-only`, {}, { timeoutMs: 200 })).toEqual({ ok: false, message: 'timed out after 200 ms', retries: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(count).toBe(2);
  });

  it('reports a reset and a refused connection', async () => {
    const base = await serve((req) => req.socket.destroy());
    expect(await requestFeed(`${base}/x`, {}, { timeoutMs: 2000 })).toEqual({
      ok: false,
      message: 'connection reset: the server closed the connection without an answer',
      retries: 0,
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await requestFeed(`http://127.0.0.1:${port}/x`, {}, { timeoutMs: 2000 })).toEqual({ ok: false, message: 'connection refused', retries: 0 });
  });

  it('does not follow a redirect (the credentials would go along): the 3xx is the answer', async () => {
    let elsewhere = 0;
    const other = await serve((_req, res) => {
      elsewhere++;
      res.end('{}');
    });
    const base = await serve((_req, res) => res.writeHead(302, { location: `${other}/steal` }).end());
    const outcome = await requestFeed(`${base}/x`, { 'X-App-Token': 't' }, { timeoutMs: 2000 });
    expect(outcome).toMatchObject({ ok: true, response: { status: 302 } });
    expect(elsewhere).toBe(0);
  });
});

describe('requestAll', () => {
  it('keeps at most `concurrency` requests in flight and reports every result by index', async () => {
    let inFlight = 0;
    let max = 0;
    const base = await serve((req, res) => {
      inFlight++;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end(JSON.stringify({ url: req.url }));
      }, 30);
    });
    const calls = Array.from({ length: 7 }, (_, i) => ({ url: `${base}/${i}`, headers: {} }));
    const events: CallEvent[] = [];
    await requestAll(calls, { concurrency: 3, timeoutMs: 2000 }, (event) => events.push(event));
    expect(max).toBe(3);
    const results = events.flatMap((e) => (e.type === 'result' && e.outcome.ok ? [[e.index, e.outcome.response.text] as const] : []));
    expect(results.sort((a, b) => a[0] - b[0])).toEqual(calls.map((_, i) => [i, JSON.stringify({ url: `/${i}` })]));
  });
});

describe('describeFetchError', () => {
  it('never repeats the error text (it can quote a header value)', () => {
    const error = new TypeError('Headers.append: "canary-123" is an invalid header value.');
    expect(describeFetchError(error, 1000)).toBe('request failed (TypeError)');
    const wrapped = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('canary-123'), { code: 'ERR_WEIRD' }) });
    expect(describeFetchError(wrapped, 1000)).toBe('request failed (ERR_WEIRD)');
    expect(describeFetchError(new DOMException('x', 'TimeoutError'), 10_000)).toBe('timed out after 10 s');
  });
});
