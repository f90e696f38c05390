/**
 * `mergetag record` end to end: the built CLI against a local fake Voucherify (127.0.0.1, started and closed
 * here; nothing reaches the network). Every run also checks that the credentials (canary values) appear in no
 * output and no file of the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingSchema, REDACTED } from '../../src/recordings/schema.js';
import { binary } from '../cli/support.js';
import { runCli, type CliResult as CliRun } from '../support/run-cli.js';
import { cleanEnv, mergetagAsync } from './support/cli.js';
import { allFiles, APP_ID, createProject, removeProjects, recordingsOf, TOKEN } from './support/project.js';
import { ERROR_400, HTML_502, startVoucherify, type FakeVoucherify } from './support/voucherify-server.js';

const credentials = { VOUCHERIFY_APP_ID: APP_ID, VOUCHERIFY_APP_TOKEN: TOKEN };

let server: FakeVoucherify;
beforeEach(async () => {
  server = await startVoucherify({ token: TOKEN });
});
afterEach(async () => {
  await server.close();
  removeProjects();
});

function expectNoSecrets(run: Pick<CliRun, 'stdout' | 'stderr'>, dir: string): void {
  for (const secret of [TOKEN, APP_ID]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
    for (const file of allFiles(dir)) {
      if (file.text.includes(secret)) throw new Error(`${file.path} contains a secret`);
    }
  }
}

/** The command in-process, with an environment of the credentials only; `ms`: how long it took. */
async function record(dir: string, args: string[], env: NodeJS.ProcessEnv = inProcessEnv(credentials)) {
  const started = Date.now();
  const run = await runCli(['record', ...args], { cwd: dir, env });
  return { ...run, ms: Date.now() - started };
}

function inProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NO_COLOR: '1', ...extra };
}

function readRecording(dir: string, user: string, feed = 'welcome_codes') {
  const text = readFileSync(join(dir, 'recordings', feed, `${user}.json`), 'utf8');
  return { text, recording: recordingSchema.parse(JSON.parse(text)) };
}

const stdoutLines = (run: CliRun) => run.stdout.split('\n').filter(Boolean).sort();

describe('mergetag record', () => {
  it('records a publication per user: validated, secrets redacted, number spelling kept, one line per file', async () => {
    const dir = createProject(server.port, ['ann', 'bob']);
    const run = await record(dir, ['--user', 'ann', '--user', 'bob', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(stdoutLines(run)).toEqual([
      'wrote recordings/welcome_codes/ann.json (HTTP 200, 2 redacted; feed welcome_codes, user ann)',
      'wrote recordings/welcome_codes/bob.json (HTTP 200, 2 redacted; feed welcome_codes, user bob)',
    ]);
    expect(run.stderr).toContain('mergetag record: 2 requests (2 users × 1 feed):');
    expect(run.stderr).toContain('Each request publishes a voucher');
    expect(run.stderr).toContain('up to 2 vouchers');
    expect(run.stderr).toContain('recorded 2 of 2 requests');
    expect(recordingsOf(dir)).toEqual(['recordings/welcome_codes/ann.json', 'recordings/welcome_codes/bob.json']);

    // The credentials were really sent...
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers['x-app-token']).toBe(TOKEN);
      expect(request.headers['x-app-id']).toBe(APP_ID);
    }
    // ...and recorded as [redacted]; the request URL is the one sent.
    const { text, recording } = readRecording(dir, 'ann');
    expect(recording.request).toEqual({
      method: 'GET',
      url: `http://127.0.0.1:${server.port}/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes`,
      headers: { 'X-App-Id': REDACTED, 'X-App-Token': REDACTED, Accept: 'application/json' },
    });
    expect(server.requests.map((r) => `http://127.0.0.1:${server.port}${r.url}`)).toContain(recording.request.url);
    expect(recording.response.status).toBe(200);
    expect(recording.response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(recording.response.headers['x-request-id']).toBe('v-0c8b7e8f78c80e94a2');
    expect(Object.keys(recording.response.headers)).not.toContain('set-cookie');
    expect(text).not.toContain('s3cr3t-cookie-value');
    const body = recording.response.body as { customer: { email: string }; voucher: { code: string; assets: { qr: { url: string; id: string } } } };
    expect(body.customer.email).toBe(REDACTED);
    expect(body.voucher.assets.qr).toEqual({ id: 'qr1', url: REDACTED });
    expect(body.voucher.code).toBe('CODE-ANN');
    expect(text).toContain('"percent_off": 12.50');
    expect(text).toContain('"big": 12345678901234567890');
    expect(Date.parse(recording.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
    expectNoSecrets(run, dir);

    // render replays it.
    const rendered = await runCli(['render', 'welcome.html', '--user', 'ann'], { cwd: dir });
    expect(rendered.stderr).toBe('');
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe('Hi Ann, your code is CODE-ANN (12.5% off)\n');
  });

  it('removes temporary files a killed record left in the recordings folder', async () => {
    const dir = createProject(server.port, ['ann']);
    const folder = join(dir, 'recordings', 'welcome_codes');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.ann.json.999999999.0a1b2c3d.tmp'), '{"half": ');
    const run = await record(dir, ['--user', 'ann', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual(['ann.json']);
  });

  it('prints a JSON summary with --format json, without the secrets', async () => {
    const dir = createProject(server.port, ['ann']);
    const run = await record(dir, ['--user', 'ann', '--yes', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { requests: number; written: number; failed: number; lines: string[] };
    expect(summary).toEqual({
      exitCode: 0,
      errorCount: 0,
      warningCount: 0,
      diagnostics: [],
      requests: 1,
      written: 1,
      failed: 0,
      lines: ['wrote recordings/welcome_codes/ann.json (HTTP 200, 2 redacted; feed welcome_codes, user ann)'],
    });
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('records a 400 Voucherify error as it is; render then skips the message with DataFeedError', async () => {
    const dir = createProject(server.port, ['bad']);
    const run = await record(dir, ['--user', 'bad', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(stdoutLines(run)).toEqual(['wrote recordings/welcome_codes/bad.json (HTTP 400; feed welcome_codes, user bad): replays as a DataFeedError skip']);
    const { recording } = readRecording(dir, 'bad');
    expect(recording.response.status).toBe(400);
    expect(recording.response.body).toEqual(JSON.parse(ERROR_400));
    expectNoSecrets(run, dir);

    const rendered = await runCli(['render', 'welcome.html', '--user', 'bad'], { cwd: dir });
    expect(rendered.code).toBe(1);
    expect(rendered.stdout).toBe('');
    expect(rendered.stderr).toMatch(/^skipped: DataFeedError: .*HTTP 400 \(no_voucher_suitable_for_publication/m);
  });

  it('records a non-JSON 502 page as bodyText; it replays as DataFeedError', async () => {
    const dir = createProject(server.port, ['html']);
    const run = await record(dir, ['--user', 'html', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('wrote recordings/welcome_codes/html.json (HTTP 502, not JSON; feed welcome_codes, user html): replays as a DataFeedError skip\n');
    const { recording } = readRecording(dir, 'html');
    expect(recording.response).toEqual({ status: 502, headers: expect.objectContaining({ 'content-type': 'text/html' }), bodyText: HTML_502 });
    expectNoSecrets(run, dir);
    const rendered = await runCli(['render', 'welcome.html', '--user', 'html'], { cwd: dir });
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).toMatch(/^skipped: DataFeedError: .*HTTP 502/m);
  });

  it('honours Retry-After on HTTP 429 (1 s, plus at most 25 % jitter), then records the 200', async () => {
    const dir = createProject(server.port, ['limited']);
    const run = await record(dir, ['--user', 'limited', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    const waited = server.requests[1]!.at - server.requests[0]!.answeredAt!;
    expect(waited).toBeGreaterThanOrEqual(990);
    // The exact jitter bound is tested with an injected clock in http.spec.ts; here the slack is for a busy machine.
    expect(waited).toBeLessThan(1250 + 1500);
    expect(run.stderr).toMatch(/GET \S+ \(feed welcome_codes, user limited\): HTTP 429 rate limited \(Retry-After 1 s\); retry 1 of 3 in 1(\.\d)? s/);
    expect(readRecording(dir, 'limited').recording.response.status).toBe(200);
    expect(run.stdout).toContain('wrote recordings/welcome_codes/limited.json (HTTP 200');
    expectNoSecrets(run, dir);
  });

  it('does not wait for a Retry-After beyond 60 s: reports it, writes nothing, exits 1', async () => {
    const dir = createProject(server.port, ['limited-long']);
    const run = await record(dir, ['--user', 'limited-long', '--yes']);
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(run.stderr).toMatch(
      /GET \S+ \(feed welcome_codes, user limited-long\): rate limited: HTTP 429 with Retry-After 120 s, longer than the 60 s this command waits; try again later; nothing written/,
    );
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'recordings'))).toBe(false);
    expectNoSecrets(run, dir);
  });

  it('reports a timeout (--timeout-ms), writes nothing and exits 1', async () => {
    const dir = createProject(server.port, ['slow']);
    const run = await record(dir, ['--user', 'slow', '--yes', '--timeout-ms', '300']);
    expect(run.code).toBe(1);
    // Not a wall-clock bound (a loaded machine stretches it): the command was over before the server answered.
    expect(server.requests[0]?.answeredAt).toBeUndefined();
    const url = `http://127.0.0.1:${server.port}/v1/publications/create?customer[source_id]=slow&campaign[name]=Welcome%20Codes`;
    expect(run.stderr).toContain(`GET ${url} (feed welcome_codes, user slow): timed out after 300 ms; nothing written`);
    expect(run.stderr).toContain('recorded 0 of 1 request; 1 failed');
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'recordings'))).toBe(false);
    expectNoSecrets(run, dir);
  });

  it('reports a connection reset, writes nothing and exits 1', async () => {
    const dir = createProject(server.port, ['reset']);
    const run = await record(dir, ['--user', 'reset', '--yes']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /GET \S+ \(feed welcome_codes, user reset\): connection reset: the server closed the connection without an answer; nothing written/,
    );
    expect(server.requests).toHaveLength(1);
    expect(existsSync(join(dir, 'recordings'))).toBe(false);
    expectNoSecrets(run, dir);
  });

  it('keeps going after a failure and exits 1 at the end', async () => {
    const dir = createProject(server.port, ['ann', 'reset', 'bad']);
    const run = await record(dir, ['--user', 'ann', '--user', 'reset', '--user', 'bad', '--yes']);
    expect(run.code).toBe(1);
    expect(recordingsOf(dir)).toEqual(['recordings/welcome_codes/ann.json', 'recordings/welcome_codes/bad.json']);
    expect(stdoutLines(run)).toHaveLength(2);
    expect(run.stderr).toContain('recorded 2 of 3 requests; 1 failed (nothing written for it)');
    expectNoSecrets(run, dir);
  });

  it('scrubs the token from a response that echoes it (body and headers)', async () => {
    const dir = createProject(server.port, ['echo']);
    const run = await record(dir, ['--user', 'echo', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    const { recording } = readRecording(dir, 'echo');
    expect(recording.response.status).toBe(401);
    expect((recording.response.body as { details: string }).details).toBe(`token ${REDACTED} is not valid`);
    expect(recording.response.headers['x-echo']).toBe(REDACTED);
    expect(Object.keys(recording.response.headers)).not.toContain('x-app-token');
    expectNoSecrets(run, dir);
  });

  it('exits 2 naming a missing environment variable and its feed, before any request', async () => {
    const dir = createProject(server.port, ['ann']);
    const run = await record(dir, ['--user', 'ann', '--yes'], inProcessEnv({ VOUCHERIFY_APP_ID: APP_ID }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("mergetag: environment variable not set: VOUCHERIFY_APP_TOKEN (feed 'welcome_codes', header X-App-Token)");
    expect(run.stderr).toContain('no request was made');
    expect(server.requests).toHaveLength(0);
    expectNoSecrets(run, dir);
  });

  it('refuses without a terminal unless --yes, after saying what it would do', async () => {
    const dir = createProject(server.port, ['ann', 'bob']);
    const run = await record(dir, ['--user', 'ann', '--user', 'bob']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mergetag record: 2 requests (2 users × 1 feed):');
    expect(run.stderr).toContain(
      `GET http://127.0.0.1:${server.port}/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes (feed welcome_codes, user ann)`,
    );
    expect(run.stderr).toContain('Each request publishes a voucher');
    expect(run.stderr).toContain('refusing to publish vouchers without confirmation: not on a terminal');
    expect(run.stderr).toContain('pass --yes');
    expect(server.requests).toHaveLength(0);
    expect(existsSync(join(dir, 'recordings'))).toBe(false);
    expectNoSecrets(run, dir);
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('asks on a terminal: n makes no request, y records', async () => {
    const dir = createProject(server.port, ['ann']);
    const line = [process.execPath, binary, 'record', '--user', 'ann'].map((arg) => `'${arg}'`).join(' ');
    const onTerminal = (answer: string) =>
      mergetagAsync([], { cwd: dir, env: cleanEnv(credentials), input: answer, command: ['script', '-qec', line, '/dev/null'] });

    const no = await onTerminal('n\n');
    expect(no.code).toBe(2);
    expect(no.stdout).toContain('Publish up to 1 voucher? [y/N]');
    expect(no.stdout).toContain('aborted: no request made');
    expect(server.requests).toHaveLength(0);

    const yes = await onTerminal('y\n');
    expect(yes.code, yes.stdout).toBe(0);
    expect(yes.stdout).toContain('wrote recordings/welcome_codes/ann.json (HTTP 200');
    expect(server.requests).toHaveLength(1);
    expectNoSecrets(no, dir);
    expectNoSecrets(yes, dir);
  });

  it('never has more than --concurrency requests in flight (default 2)', async () => {
    await server.close();
    server = await startVoucherify({ token: TOKEN, delayMs: 150 });
    const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
    const dir = createProject(server.port, users);
    const args = users.flatMap((user) => ['--user', user]);

    const byDefault = await record(dir, [...args, '--yes']);
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);

    server.maxInFlight = 0;
    const three = await record(dir, [...args, '--yes', '--concurrency', '3']);
    expect(three.code, three.stderr).toBe(0);
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBe(3);
    expect(recordingsOf(dir)).toHaveLength(6);
    expectNoSecrets(three, dir);
  });

  it('exits 2 on bad usage without making a request', async () => {
    const dir = createProject(server.port, ['ann']);
    const env = inProcessEnv(credentials);
    const cases: [string[], RegExp][] = [
      [['record', '--yes'], /record needs --user ID/],
      [['record', '--user', 'zed', '--yes'], /no user 'zed' in the project[\s\S]*known users: ann/],
      [['record', '--user', 'ann', '--feed', 'nope', '--yes'], /no feed 'nope' in the config/],
      [['record', '--user', 'ann', '--concurrency', '0', '--yes'], /--concurrency 0: expected a whole number from 1 to 16/],
      [['record', '--user', 'ann', '--timeout-ms', 'soon', '--yes'], /--timeout-ms soon: expected a whole number/],
      [['record', 'extra', '--user', 'ann', '--yes'], /record takes no positional arguments/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { cwd: dir, env });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expectNoSecrets(run, dir);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('is listed in the help, which warns that each request publishes a voucher', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}record {4}/m);
    const help = await runCli(['help', 'record']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('PUBLISHES A VOUCHER');
  });
});
