/**
 * `mergetag preview`'s server: node:http, the built browser app from dist/preview-ui/, the JSON API and a
 * Server-Sent Events stream that says which files changed. SSE rather than WebSocket: the stream only flows from
 * server to page, reconnects by itself in every browser, and needs no dependency.
 *
 * Bound to 127.0.0.1 by default. Requests whose Host is not the loopback name are refused when bound to loopback
 * (a DNS-rebinding page could otherwise read the project), and only files of the built app are served: a path
 * with `..` or outside it is a 404.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject } from '../project/open.js';
import { handleApi, sendJson } from './api.js';
import { PreviewProject } from './case-view.js';
import { watchProject } from './watch.js';

export interface PreviewServerOptions {
  /** The folder the project is found from (and paths in messages are relative to). */
  cwd: string;
  /** The config file, relative to cwd; default: the nearest mergetag.config.json. */
  config?: string;
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** The built app; default: dist/preview-ui/ next to this module. */
  uiDir?: string;
  /** Live reload (default true). */
  watch?: boolean;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** The built browser app: `dist/preview-ui/` beside the compiled server, or the repository's build when run from source. */
export function defaultUiDir(): string {
  const beside = fileURLToPath(new URL('../preview-ui/', import.meta.url));
  if (existsSync(join(beside, 'index.html'))) return beside;
  const built = fileURLToPath(new URL('../../dist/preview-ui/', import.meta.url));
  return existsSync(join(built, 'index.html')) ? built : beside;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const uiDir = resolve(options.uiDir ?? defaultUiDir());
  const open = () => openProject({ cwd: options.cwd, ...(options.config !== undefined ? { config: options.config } : {}) });
  // Opened now, so a missing or broken config fails the command before it listens.
  let preview: PreviewProject | undefined = new PreviewProject(open());
  const dir = preview.project.dir;
  const name = basename(dir);
  const state = {
    name,
    /** Reopened on first use after a change: templates, users, recordings and the config are read afresh. */
    current(): PreviewProject {
      preview ??= new PreviewProject(open());
      return preview;
    },
    invalidate(): void {
      preview = undefined;
    },
  };

  const clients = new Set<ServerResponse>();
  const watcher =
    options.watch === false
      ? undefined
      : watchProject(dir, (files) => {
          preview = undefined;
          const message = `event: change\ndata: ${JSON.stringify({ files })}\n\n`;
          for (const client of clients) client.write(message);
        });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: error instanceof Error ? error.message : String(error) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (LOOPBACK.has(host) && !LOOPBACK.has(hostName(req.headers.host))) {
      sendJson(res, 403, { error: { message: 'the preview answers only to localhost' } });
      return;
    }
    const raw = req.url ?? '/';
    // Refused before any parsing: new URL() would resolve `/../` away, and a decoded `..` must not either.
    if (hasDotSegment(raw)) return notFound(res);
    const url = new URL(raw, 'http://preview.invalid');
    if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res);
    if (await handleApi(state, req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res);
    serveAsset(url.pathname, res);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  function serveAsset(pathname: string, res: ServerResponse): void {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return notFound(res);
    }
    const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    if (relativePath.includes('\0') || relativePath.includes('\\')) return notFound(res);
    const file = resolve(uiDir, relativePath);
    if (!file.startsWith(uiDir + sep)) return notFound(res);
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (relativePath === 'index.html') {
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(
          '<!doctype html><title>mergetag preview</title><p>The preview app is not built: run <code>npm run build</code>. The API is at <a href="/api/project">/api/project</a>.</p>',
        );
        return;
      }
      return notFound(res);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(readFileSync(file));
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        watcher?.close();
        for (const client of clients) client.end();
        clients.clear();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { error: { message: 'not found' } });
}

/** A `..` path segment, written plainly or percent-encoded (`%2e%2e`, `%2E.`), with either slash. */
function hasDotSegment(raw: string): boolean {
  const path = raw.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return [path, decoded].some((p) => p.split(/[\\/]/).some((segment) => segment === '..' || /^(\.|%2e){2}$/i.test(segment)));
}

function hostName(header: string | undefined): string {
  if (!header) return '';
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1);
  return header.replace(/:\d+$/, '');
}
