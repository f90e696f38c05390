import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import type { CaseView } from '../../src/preview/case-view.js';

const fixtures = resolve(import.meta.dirname, '../../fixtures/welcome');

function tempCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mergetag-preview-'));
  cpSync(fixtures, dir, { recursive: true, filter: (from) => !from.endsWith('.test.ts') });
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, asserted field by field
type Answer = { status: number; body: any };

async function getJson(server: PreviewServer, path: string): Promise<Answer> {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, body: await res.json() };
}

async function postJson(server: PreviewServer, path: string, body: unknown): Promise<Answer> {
  const res = await fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** A raw GET: fetch() would normalise `/../` away before sending it. */
function rawGet(server: PreviewServer, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the preview API on the fixtures project', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    server = await startPreviewServer({ cwd: fixtures, port: 0, watch: false });
  });
  afterAll(() => server.close());

  it('binds 127.0.0.1 and lists the templates, users, variants and system fields', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { status, body } = await getJson(server, '/api/project');
    expect(status).toBe(200);
    expect(body.name).toBe('welcome');
    expect(body.templates).toEqual([
      {
        id: 'welcome.html',
        display: 'welcome.html',
        feeds: [{ id: 'welcome_codes', alias: 'welcome_codes' }],
        users: ['ann', 'nameless', 'obrien'],
        variants: ['no-marketing-text'],
        events: [],
      },
    ]);
    expect(body.systemFields.unsubscribeUrl).toMatch(/placeholder/);
  });

  it("shows Ann's email with her code, its envelope, and the data behind it", async () => {
    const { status, body } = await getJson(server, '/api/case?template=welcome.html&user=ann');
    expect(status).toBe(200);
    const view = body as CaseView;
    expect(view.html).toContain('WELCOME-7QX2K9');
    expect(view.skip).toBeNull();
    expect(view.problem).toBeNull();
    expect(view.variant).toBeNull();
    expect(view.envelope).toEqual({
      subject: 'Ann, your welcome code is inside',
      preheader: 'Freshly roasted beans, delivered. Your code is inside.',
      fromName: 'Northwind Coffee Roasters',
    });
    expect(JSON.parse(view.data.user).firstName).toBe('Ann');
    const [feed] = view.data.feeds;
    expect(feed).toMatchObject({ id: 'welcome_codes', alias: 'welcome_codes', status: 200, source: 'recording', file: 'recordings/ann.json' });
    expect(feed!.request.url).toContain('customer[source_id]=ann%2Bvip%40example.com');
    expect(JSON.parse(feed!.body).voucher.code).toBe('WELCOME-7QX2K9');
    expect(view.lint).toEqual([]);
  });

  it('shows the DataFeedError skip of the exhausted-campaign user with its reason', async () => {
    const { body } = await getJson(server, '/api/case?template=welcome.html&user=nameless');
    expect(body.html).toBeNull();
    expect(body.skip.reason).toBe('DataFeedError');
    expect(body.skip.message).toContain('no_voucher_suitable_for_publication');
  });

  it('applies a variant and says the body is the variant', async () => {
    const { body } = await getJson(server, '/api/case?template=welcome.html&user=ann&variant=no-marketing-text');
    expect(body.variant).toBe('no-marketing-text');
    expect(body.data.feeds[0].source).toBe('variant');
    expect(JSON.parse(body.data.feeds[0].body).voucher.metadata.marketing_text).toBeUndefined();
  });

  it('answers unknown ids with 404, never reading them as paths', async () => {
    expect((await getJson(server, '/api/case?template=../mergetag.config.json&user=ann')).status).toBe(404);
    expect((await getJson(server, '/api/case?template=welcome.html&user=nobody')).status).toBe(404);
    expect((await getJson(server, '/api/case?template=welcome.html&user=ann&variant=nope')).status).toBe(404);
    expect((await getJson(server, '/api/nothing')).status).toBe(404);
  });

  it('re-renders with edited user JSON and feed bodies, in memory', async () => {
    const before = readFileSync(join(fixtures, 'users/ann.json'), 'utf8');
    const userJson = JSON.stringify({ ...JSON.parse(before), firstName: 'Annabel' });
    const { status, body } = await postJson(server, '/api/render', { template: 'welcome.html', user: 'ann', userJson });
    expect(status).toBe(200);
    expect(body.envelope.subject).toBe('Annabel, your welcome code is inside');
    expect(body.html).toContain('Annabel');
    expect(readFileSync(join(fixtures, 'users/ann.json'), 'utf8')).toBe(before);

    const recorded = JSON.parse((await getJson(server, '/api/case?template=welcome.html&user=ann')).body.data.feeds[0].body);
    recorded.voucher.code = 'EDITED-CODE1';
    const edited = await postJson(server, '/api/render', { template: 'welcome.html', user: 'ann', feedBodies: { welcome_codes: JSON.stringify(recorded) } });
    expect(edited.body.html).toContain('EDITED-CODE1');
    expect(edited.body.data.feeds[0].source).toBe('variant');
  });

  it('answers invalid JSON with 400, saying which editor, line and column', async () => {
    const user = await postJson(server, '/api/render', { template: 'welcome.html', user: 'ann', userJson: '{\n  "firstName": \n}' });
    expect(user.status).toBe(400);
    expect(user.body.error).toMatchObject({ which: 'user', line: 3, column: 1 });
    expect(user.body.error.message).toMatch(/expected a value/);
    const feed = await postJson(server, '/api/render', { template: 'welcome.html', user: 'ann', feedBodies: { welcome_codes: '{"a": 1,,}' } });
    expect(feed.status).toBe(400);
    expect(feed.body.error).toMatchObject({ which: 'welcome_codes', line: 1, column: 9 });
  });

  it('refuses a POST that is not application/json (a cross-site form cannot post one without a preflight)', async () => {
    const res = await fetch(new URL('/api/render', server.url), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
  });

  it('refuses paths outside the served app', async () => {
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../package.json', '/..\\package.json']) {
      const res = await rawGet(server, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('"name": "mergetag"');
    }
    expect((await rawGet(server, '/no-such-file.js')).status).toBe(404);
    expect((await rawGet(server, '/')).status).toBe(200);
  });

  it('answers only to a loopback Host (no DNS rebinding)', async () => {
    const url = new URL(server.url);
    const status = await new Promise<number>((done, fail) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: '/api/project', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('the preview on a copy of the project', () => {
  let dir: string;
  let server: PreviewServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves an edited feed body as a variant of the config, keeping the rest, and refuses a taken name', async () => {
    dir = tempCopy();
    server = await startPreviewServer({ cwd: dir, port: 0, watch: false });
    const configBefore = readFileSync(join(dir, 'mergetag.config.json'), 'utf8');
    const recorded = JSON.parse((await getJson(server, '/api/case?template=welcome.html&user=ann')).body.data.feeds[0].body);
    recorded.voucher.code = 'SAVED-CODE99';
    delete recorded.tracking_id;
    const body = { template: 'welcome.html', user: 'ann', name: 'saved code', feed: 'welcome_codes', body: JSON.stringify(recorded) };
    const saved = await postJson(server, '/api/variants', body);
    expect(saved).toEqual({ status: 200, body: { ok: true, name: 'saved code' } });
    const config = JSON.parse(readFileSync(join(dir, 'mergetag.config.json'), 'utf8'));
    expect(config.variants['no-marketing-text']).toEqual(JSON.parse(configBefore).variants['no-marketing-text']);
    expect(config.$schema).toBe('../../schema/mergetag.config.schema.json');
    expect(config.variants['saved code']).toMatchObject({ feed: 'welcome_codes', unset: ["$['tracking_id']"] });
    expect(Object.keys(config.variants['saved code'].set)).toEqual(["$['voucher']"]);
    expect(configBefore).not.toContain('saved code');

    // The project reopens with the new variant, which renders the saved body.
    const server2 = await startPreviewServer({ cwd: dir, port: 0, watch: false });
    try {
      const view = await getJson(server2, '/api/case?template=welcome.html&user=ann&variant=saved%20code');
      expect(view.body.html).toContain('SAVED-CODE99');
    } finally {
      await server2.close();
    }

    expect((await postJson(server, '/api/variants', body)).status).toBe(409);
  });

  it('lists the sample events of an event-triggered template and renders the one asked for (default: the first)', async () => {
    dir = tempCopy();
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'events', 'gift.json'), '{"orderId": "G-3"}');
    writeFileSync(join(dir, 'events', 'purchase.json'), '{"orderId": "A-17", "firstName": "Annie"}');
    writeFileSync(join(dir, 'receipt.html'), '<p>{{firstName}} {{orderId}} {{profile.firstName}}</p>');
    const configFile = join(dir, 'mergetag.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.templates.push({ path: 'receipt.html', event: 'events/*.json' });
    writeFileSync(configFile, JSON.stringify(config));
    server = await startPreviewServer({ cwd: dir, port: 0, watch: false });
    const { body: info } = await getJson(server, '/api/project');
    expect(info.templates.map((t: { id: string; events: string[] }) => [t.id, t.events])).toEqual([
      ['welcome.html', []],
      ['receipt.html', ['gift', 'purchase']],
    ]);
    const first = (await getJson(server, '/api/case?template=receipt.html&user=ann')).body as CaseView;
    expect([first.event, first.html]).toEqual(['gift', '<p>Ann G-3 Ann</p>']);
    const purchase = (await getJson(server, '/api/case?template=receipt.html&user=ann&event=purchase')).body as CaseView;
    expect([purchase.event, purchase.html, JSON.parse(purchase.data.event!)]).toEqual([
      'purchase',
      '<p>Annie A-17 Ann</p>',
      { orderId: 'A-17', firstName: 'Annie' },
    ]);
    const edited = await postJson(server, '/api/render', { template: 'receipt.html', user: 'ann', event: 'purchase', userJson: '{"firstName": "Anne"}' });
    expect(edited.body.html).toBe('<p>Annie A-17 Anne</p>');
    expect((await getJson(server, '/api/case?template=receipt.html&user=ann&event=refund')).status).toBe(404);
  });

  it('shows a feed request with its secret query parameters [redacted]', async () => {
    dir = tempCopy();
    const configFile = join(dir, 'mergetag.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.feeds.welcome_codes.url += '&api_key=sk_live_0123456789';
    writeFileSync(configFile, JSON.stringify(config));
    server = await startPreviewServer({ cwd: dir, port: 0, watch: false });
    const { body } = await getJson(server, '/api/case?template=welcome.html&user=ann');
    expect(body.data.feeds[0].request.url).toMatch(/&api_key=\[redacted\]$/);
    expect(body.data.feeds[0].request.rendered).toMatch(/&api_key=\[redacted\]$/);
    expect(JSON.stringify(body)).not.toContain('sk_live_0123456789');
  });

  it('sends an SSE change event within a second of an edit to welcome.html, and the next case shows the edit', async () => {
    dir = tempCopy();
    server = await startPreviewServer({ cwd: dir, port: 0 });
    const url = new URL('/api/events', server.url);
    const received = new Promise<string>((done, fail) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: change')) {
            req.destroy();
            done(text);
          }
        });
        res.once('data', () => {
          const file = join(dir, 'welcome.html');
          writeFileSync(file, readFileSync(file, 'utf8').replace('Welcome to Northwind', 'Hello from Northwind'));
        });
      });
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : fail(error)));
      req.end();
    });
    const started = Date.now();
    const text = await received;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(text).toContain('data: {"files":["welcome.html"]}');
    const view = await getJson(server, '/api/case?template=welcome.html&user=ann');
    expect(view.body.html).toContain('Hello from Northwind');
  });

  it('never shows a literal secret header value', async () => {
    dir = tempCopy();
    const file = join(dir, 'mergetag.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.feeds.welcome_codes.headers['X-App-Token'] = 'sk_live_TOPSECRET_123';
    config.templates[0].subject = 'sk_live_TOPSECRET_123 {{firstName}';
    writeFileSync(file, JSON.stringify(config, null, 2));
    server = await startPreviewServer({ cwd: dir, port: 0, watch: false });
    const texts = [
      JSON.stringify((await getJson(server, '/api/project')).body),
      JSON.stringify((await getJson(server, '/api/case?template=welcome.html&user=ann')).body),
      JSON.stringify((await getJson(server, '/api/case?template=welcome.html&user=nameless')).body),
    ];
    for (const text of texts) expect(text).not.toContain('TOPSECRET');
    expect(texts[1]).toContain('[redacted]');
  });
});

describe('the preview while files are being edited', () => {
  let dir: string;
  let server: PreviewServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a broken template with its error and code frame, and a broken config with its problems', async () => {
    dir = tempCopy();
    server = await startPreviewServer({ cwd: dir, port: 0, watch: false });
    writeFileSync(join(dir, 'welcome.html'), '<p>{{#if firstName}}Hi {{firstName}}</p>\n');
    server = await restart(server, dir);
    const view = await getJson(server, '/api/case?template=welcome.html&user=ann');
    expect(view.status).toBe(200);
    expect(view.body.html).toBeNull();
    const error = view.body.diagnostics.find((d: { severity: string }) => d.severity === 'error');
    expect(error).toMatchObject({ line: 1 });
    expect(error.frame).toContain('{{#if firstName}}');

    // The config broken under a running server: the API says why until it is fixed.
    await server.close();
    server = await startPreviewServer({ cwd: dir, port: 0 });
    writeFileSync(join(dir, 'mergetag.config.json'), '{"templates": [{"path": 7}]}');
    await expect.poll(async () => (await getJson(server!, '/api/project')).status, { timeout: 2000 }).toBe(500);
    const answer = await getJson(server, '/api/project');
    expect(answer.body.error.message).toMatch(/the config has errors/);
    expect(answer.body.error.diagnostics[0]).toMatchObject({ file: 'mergetag.config.json', line: 1 });
  });
});

async function restart(server: PreviewServer, dir: string): Promise<PreviewServer> {
  await server.close();
  return startPreviewServer({ cwd: dir, port: 0, watch: false });
}
