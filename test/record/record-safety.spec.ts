/**
 * Issue 7 item 5 (records): header names scrubbed, the request list before --yes redacted, response bodies
 * capped, and `--base-url` recording against a stand-in while recordings stay keyed by the production URL.
 * In-process CLI runs against the local Voucherify stand-in (127.0.0.1); canary credentials must appear in no
 * output and no file.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactSecretParams } from '../../src/config/secrets.js';
import { rebase } from '../../src/record/base-url.js';
import { recordingSchema } from '../../src/recordings/schema.js';
import { runCli, type InProcessRun } from '../safety/support.js';
import { allFiles, APP_ID, createProject, TOKEN } from './support/project.js';
import { startVoucherify, type FakeVoucherify } from './support/voucherify-server.js';

const env = { VOUCHERIFY_APP_ID: APP_ID, VOUCHERIFY_APP_TOKEN: TOKEN };
const URL_SECRET = 'urlsecret-4b7d0e2a9c1f';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project on the stand-in, removed after this file. */
function newProject(...args: Parameters<typeof createProject>): string {
  const dir = createProject(...args);
  made.push(dir);
  return dir;
}

let server: FakeVoucherify;
beforeEach(async () => {
  server = await startVoucherify({ token: TOKEN });
});
afterEach(async () => {
  await server.close();
});

/** No secret in the output or in any file record wrote (the project's own users/ and config are the test's input). */
function expectNoSecrets(run: InProcessRun, dir: string, secrets = [TOKEN, APP_ID]): void {
  for (const secret of secrets) {
    expect(run.stdout + run.stderr).not.toContain(secret);
    for (const file of existsSync(join(dir, 'recordings')) ? allFiles(join(dir, 'recordings')) : []) {
      if (file.text.includes(secret)) throw new Error(`${file.path} contains a secret`);
    }
  }
}

function setFeedUrl(dir: string, url: string): void {
  const file = join(dir, 'mergetag.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { feeds: { welcome_codes: { url: string } } };
  config.feeds.welcome_codes.url = url;
  writeFileSync(file, JSON.stringify(config, null, 2));
}

function recordingOf(dir: string, user: string) {
  return recordingSchema.parse(JSON.parse(readFileSync(join(dir, 'recordings', 'welcome_codes', `${user}.json`), 'utf8')));
}

const PRODUCTION =
  'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome%20Codes';

describe('record scrubs what a server or a URL could leak', () => {
  it('drops a response header whose name holds the token', async () => {
    const dir = newProject(server.port, ['nameecho1']);
    const run = await runCli(['record', '--user', 'nameecho1', '--yes'], dir, env);
    expect(run.code).toBe(0);
    expect(server.requests[0]!.headers['x-app-token']).toBe(TOKEN);
    expect(Object.keys(recordingOf(dir, 'nameecho1').response.headers)).toEqual(['content-type', 'date']);
    expectNoSecrets(run, dir);
  });

  it('redacts secret query parameters and credential values in the request list, the messages and the file; render still replays', async () => {
    const dir = newProject(server.port, ['ann']);
    // A user whose field carries the token into the URL: the list before --yes must not print it.
    writeFileSync(join(dir, 'users', 'leaky.json'), JSON.stringify({ source_id: TOKEN, firstName: 'L' }));
    setFeedUrl(
      dir,
      `http://127.0.0.1:${server.port}/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome%20Codes&api_key=${URL_SECRET}`,
    );
    const run = await runCli(['record', '--user', 'ann', '--user', 'leaky', '--yes'], dir, env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `GET http://127.0.0.1:${server.port}/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes&api_key=[redacted] (feed welcome_codes, user ann)`,
    );
    expect(run.stderr).toContain('customer[source_id]=[redacted]&');
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('api_key'))).toEqual([URL_SECRET, URL_SECRET]);
    expect(recordingOf(dir, 'ann').request.url).toMatch(/&api_key=\[redacted\]$/);
    expectNoSecrets(run, dir, [TOKEN, APP_ID, URL_SECRET]);
    const render = await runCli(['render', 'welcome.html', '--user', 'ann'], dir);
    expect(render.code).toBe(0);
    expect(render.stdout).toBe('Hi Ann, your code is CODE-ANN (12.5% off)\n');
  });

  it.each([
    ['api_key=abc&b=1', '[redacted]&b=1'],
    ['token=abc', '[redacted]'],
    ['x-signature=abc', '[redacted]'],
    ['key=abc', '[redacted]'],
    ['campaign[name]=Key%20Codes&customer[source_id]=tok', 'campaign[name]=Key%20Codes&customer[source_id]=tok'],
    ['monkey=1', 'monkey=1'],
    ['author=ann', 'author=ann'],
    ['apiKey=abc', '[redacted]'],
    ['X-Amz-Signature=abc', '[redacted]'],
    ['access_token=abc', '[redacted]'],
    ['accesstoken=abc', '[redacted]'],
  ])('redactSecretParams(?%s)', (query, expected) => {
    const redacted = redactSecretParams(`https://x.example/p?${query}#f`);
    expect(redacted.endsWith(`#f`)).toBe(true);
    expect(redacted).toContain(expected.includes('=') ? expected : `=${expected}`);
  });
});

describe('response bodies are capped', () => {
  it.each(['huge1', 'hugedeclared1'])('%s: a body over 10 MB fails with a clear message and writes nothing', async (user) => {
    const dir = newProject(server.port, [user]);
    const started = Date.now();
    const run = await runCli(['record', '--user', user, '--yes'], dir, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `(feed welcome_codes, user ${user}): the response body is larger than 10 MB, the cap for a recording (--max-body-mb raises it); nothing written`,
    );
    expect(existsSync(join(dir, 'recordings', 'welcome_codes', `${user}.json`))).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
    expectNoSecrets(run, dir);
  });

  it('--max-body-mb raises the cap', async () => {
    const dir = newProject(server.port, ['huge2']);
    const run = await runCli(['record', '--user', 'huge2', '--yes', '--max-body-mb', '12'], dir, env);
    expect(run.code).toBe(0);
    expect(recordingOf(dir, 'huge2').response.body).toMatchObject({ padding: expect.stringMatching(/^x+$/) });
  });

  it('--max-body-mb takes a whole number of megabytes', async () => {
    const dir = newProject(server.port, ['ann']);
    const run = await runCli(['record', '--user', 'ann', '--yes', '--max-body-mb', '0'], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-body-mb 0: expected a whole number from 1 to 1024');
    expect(server.requests).toEqual([]);
  });
});

describe('record --base-url', () => {
  it('sends to the stand-in, keys the recording by the production URL, and render replays it offline', async () => {
    const dir = newProject(server.port, ['ann']);
    setFeedUrl(dir, PRODUCTION);
    const run = await runCli(['record', '--user', 'ann', '--yes', '--base-url', `http://127.0.0.1:${server.port}`], dir, env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `GET https://api.voucherify.io/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes via http://127.0.0.1:${server.port} (feed welcome_codes, user ann)`,
    );
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes']);
    const recording = recordingOf(dir, 'ann');
    expect(recording.request.url).toBe('https://api.voucherify.io/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes');
    expectNoSecrets(run, dir);
    const render = await runCli(['render', 'welcome.html', '--user', 'ann'], dir);
    expect(render.code).toBe(0);
    expect(render.stdout).toBe('Hi Ann, your code is CODE-ANN (12.5% off)\n');
  });

  it('puts a path of the base URL before the request path', () => {
    expect(rebase('https://api.voucherify.io/v1/p?a=[1]&b=%20', new URL('http://127.0.0.1:9/mock/'))).toBe('http://127.0.0.1:9/mock/v1/p?a=[1]&b=%20');
  });

  it.each([
    ['not a url', 'not a URL'],
    ['ftp://127.0.0.1/', 'an http or https URL is needed'],
    ['http://127.0.0.1/?x=1', 'no query or fragment'],
    ['http://u:p@127.0.0.1/', 'credentials in the URL'],
  ])('refuses --base-url %s before any request (exit 2)', async (base, message) => {
    const dir = newProject(server.port, ['ann']);
    const run = await runCli(['record', '--user', 'ann', '--yes', '--base-url', base], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(server.requests).toEqual([]);
  });
});

describe('record writes inside the project only', () => {
  it('a recordings folder that is a symbolic link out of the project gets nothing', async () => {
    const { mkdirSync, mkdtempSync, readdirSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const outside = mkdtempSync(join(tmpdir(), 'mergetag-outside-'));
    try {
      const dir = newProject(server.port, ['ann']);
      mkdirSync(join(dir, 'recordings'));
      symlinkSync(outside, join(dir, 'recordings', 'welcome_codes'));
      const run = await runCli(['record', '--user', 'ann', '--yes'], dir, env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('recordings/welcome_codes leads out of the project folder through a symbolic link; nothing written');
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
