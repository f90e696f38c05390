/**
 * A local stand-in for Voucherify's `GET /v1/publications/create` (127.0.0.1 only, started and closed by each
 * test). What it answers depends on `customer[source_id]`:
 *   bad…            400 with a Voucherify error body
 *   limited…        429 with `Retry-After: 1` the first time, then 200
 *   limited-long…   429 with `Retry-After: 120` (longer than the command waits)
 *   limited-always… 429 with `Retry-After: 0`, every time
 *   slow…           200 after 5 s (past a short --timeout-ms)
 *   reset…          the connection destroyed without an answer
 *   html…           502 with an HTML page
 *   echo…           401 whose body and headers quote the token it was sent (a careless server)
 *   nameecho…       200 with a publication and a header whose NAME holds the token it was sent
 *   huge…           200 with a body of 11 MB streamed without Content-Length (stops when the client goes)
 *   hugedeclared…   200 whose Content-Length says 11 MB
 *   anything else   200 with a publication (code CODE-<SOURCE_ID>), and a Set-Cookie header
 * A request without the expected X-App-Token gets 401.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  sourceId: string;
  url: string;
  headers: IncomingHttpHeaders;
  at: number;
  status?: number;
  /** When the answer was sent (ms since epoch). */
  answeredAt?: number;
}

export interface FakeVoucherify {
  port: number;
  requests: SeenRequest[];
  /** The most requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

export function publication(sourceId: string): string {
  const code = `CODE-${sourceId.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
  // Written by hand: 12.50 and the 20-digit integer must reach the recording as spelled.
  return `{"id":"pub_${code}","object":"publication","created_at":"2026-11-20T10:14:59.604Z","customer_id":"cust_1","metadata":{},"channel":"API","source_id":null,"result":"SUCCESS",
"customer":{"id":"cust_1","object":"customer","source_id":${JSON.stringify(sourceId)},"email":${JSON.stringify(`${sourceId}@example.com`)}},
"voucher":{"id":"v_1","code":"${code}","campaign":"Welcome Codes","type":"DISCOUNT_VOUCHER","discount":{"type":"PERCENT","percent_off":12.50,"effect":"APPLY_TO_ORDER"},
"metadata":{"big":12345678901234567890},"assets":{"qr":{"id":"qr1","url":"https://dl.voucherify.io/api/v1/assets/qr/${code}"}},"object":"voucher"},"vouchers_id":["v_1"]}`;
}

export const ERROR_400 =
  '{"code":400,"key":"no_voucher_suitable_for_publication","message":"Couldn\'t find any voucher suitable for publication.","details":"Use auto-update campaigns if you want Voucherify to generate vouchers automatically.","request_id":"v-0f3a91c6d2e80b47a5"}';
export const HTML_502 = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n';

export async function startVoucherify(options: { token: string; delayMs?: number }): Promise<FakeVoucherify> {
  let inFlight = 0;
  const seenLimited = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const state: FakeVoucherify = { port: 0, requests: [], maxInFlight: 0, close: async () => {} };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const sourceId = url.searchParams.get('customer[source_id]') ?? '';
    const seen: SeenRequest = { sourceId, url: req.url ?? '', headers: req.headers, at: Date.now() };
    state.requests.push(seen);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.on('close', finish);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      seen.status = status;
      seen.answeredAt = Date.now();
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
    };
    const answer = (res: ServerResponse) => {
      if (res.destroyed) return;
      if (sourceId.startsWith('reset')) {
        req.socket.destroy();
        return;
      }
      if (sourceId.startsWith('echo')) {
        send(
          401,
          JSON.stringify({ code: 401, key: 'unauthorized', message: 'Unauthorized', details: `token ${String(req.headers['x-app-token'])} is not valid` }),
          {
            'x-echo': String(req.headers['x-app-token']),
            'x-app-token': String(req.headers['x-app-token']),
          },
        );
        return;
      }
      if (sourceId.startsWith('nameecho')) return send(200, publication(sourceId), { [`x-echo-${String(req.headers['x-app-token'])}`]: '1' });
      if (sourceId.startsWith('hugedeclared')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(11 * 1024 * 1024) });
        res.write('{"padding": "');
        return;
      }
      if (sourceId.startsWith('huge')) {
        seen.status = 200;
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const more = () => {
          while (!res.destroyed && sent < 11 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(sent === chunk.length ? `{"padding": "${chunk}` : chunk)) return void res.once('drain', more);
          }
          if (!res.destroyed) res.end('"}');
        };
        more();
        return;
      }
      if (req.headers['x-app-token'] !== options.token) {
        send(401, '{"code":401,"key":"unauthorized","message":"Unauthorized"}');
        return;
      }
      if (sourceId.startsWith('bad')) return send(400, ERROR_400);
      if (sourceId.startsWith('html')) return send(502, HTML_502, { 'content-type': 'text/html' });
      if (sourceId.startsWith('limited-long'))
        return send(429, '{"code":429,"message":"Too many requests hit the API too quickly."}', { 'retry-after': '120' });
      if (sourceId.startsWith('limited-always'))
        return send(429, '{"code":429,"message":"Too many requests hit the API too quickly."}', { 'retry-after': '0' });
      if (sourceId.startsWith('limited') && !seenLimited.has(sourceId)) {
        seenLimited.add(sourceId);
        return send(429, '{"code":429,"message":"Too many requests hit the API too quickly."}', { 'retry-after': '1' });
      }
      send(200, publication(sourceId), { 'set-cookie': 'session=s3cr3t-cookie-value; HttpOnly', 'x-request-id': 'v-0c8b7e8f78c80e94a2' });
    };
    const delay = sourceId.startsWith('slow') ? 5000 : (options.delayMs ?? 0);
    if (delay === 0) answer(res);
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(res);
      }, delay);
      timers.add(timer);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
