import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const welcome = ['fixtures/welcome/welcome.html'];
const ann = ['--user', 'fixtures/welcome/users/ann.json', '--feed', 'welcome_codes=fixtures/welcome/recordings/ann.json'];

const temp = tempFolders();

describe('mergetag render', () => {
  it('renders the welcome email with the voucher code and the marketing text', async () => {
    const run = await runCli(['render', ...welcome, ...ann]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('WELCOME-7QX2K9');
    expect(run.stdout).toContain('Get 10% off your first order');
    expect(run.stdout).toContain('Hi Ann,');
    expect(run.stdout).not.toMatch(/\{\{|\[\[/);
  });

  it('escapes feed text with HTML-special characters', async () => {
    const run = await runCli([
      'render',
      ...welcome,
      '--user',
      'fixtures/welcome/users/obrien.json',
      '--feed',
      'welcome_codes=fixtures/welcome/recordings/obrien.json',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('it&#x27;s on us &amp; free shipping');
    expect(run.stdout).toContain('Hi Seán,');
  });

  it('reports a skipped message on stderr and exits 1 when the feed answered an error', async () => {
    const run = await runCli([
      'render',
      ...welcome,
      '--user',
      'fixtures/welcome/users/nameless.json',
      '--feed',
      'welcome_codes=fixtures/welcome/recordings/nameless-exhausted.json',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^skipped: DataFeedError: .*HTTP 400 \(no_voucher_suitable_for_publication/m);
  });

  it('points at an unclosed [[#if]] with file:line:column and a code frame, and exits 1', async () => {
    const dir = temp();
    const file = join(dir, 'broken.html');
    writeFileSync(file, '<p>Hi {{firstName}}</p>\n[[#if welcome_codes.voucher.code]]\n  <b>[[welcome_codes.voucher.code]]</b>\n');
    const run = await runCli(['render', file, ...ann]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2:1: error: unclosed [[#if welcome_codes.voucher.code]]`);
    expect(run.stderr).toContain('> 2 | [[#if welcome_codes.voucher.code]]');
    expect(run.stderr).toMatch(/\|\s+\^+/);
    expect(run.stderr).toMatch(/skipped: HandlebarsExecutionError/);
  });

  it('reads the template from standard input with -', async () => {
    const run = await runCli(['render', '-', ...ann], { input: 'Code: [[welcome_codes.voucher.code]]' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Code: WELCOME-7QX2K9');
  });

  it('accepts a bare response body as a feed, without an alias', async () => {
    const dir = temp();
    const body = join(dir, 'body.json');
    writeFileSync(body, '{"voucher": {"code": "X1", "discount": {"percent_off": 12.50}}}');
    const run = await runCli(['render', '-', '--feed', body], { input: '[[voucher.code]] [[voucher.discount.percent_off]]' });
    expect(run.stdout).toBe('X1 12.5');
  });

  it('writes --out atomically and prints nothing on stdout', async () => {
    const dir = temp();
    const out = join(dir, 'ann.html');
    const run = await runCli(['render', ...welcome, ...ann, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('WELCOME-7QX2K9');
    expect(readdirSync(dir)).toEqual(['ann.html']);
  });

  it('prints JSON with --format json', async () => {
    const run = await runCli(['render', ...welcome, ...ann, '--format', 'json']);
    const parsed = JSON.parse(run.stdout) as { output: string; skip: unknown; diagnostics: unknown[] };
    expect(parsed.skip).toBeNull();
    expect(parsed.output).toContain('WELCOME-7QX2K9');
    expect(parsed.diagnostics).toEqual([]);
  });

  it('exits 2 with the line and column of invalid JSON in the user file', async () => {
    const dir = temp();
    const user = join(dir, 'user.json');
    writeFileSync(user, '{\n  "firstName": "Ann",\n  "source_id": ann\n}\n');
    const run = await runCli(['render', ...welcome, '--user', user]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${user}:3:16: error: the user profile is not valid JSON`);
    expect(run.stderr).toContain('> 3 |   "source_id": ann');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for a missing file, an unknown option and a missing template', async () => {
    expect((await runCli(['render', 'nope.html'])).stderr).toContain('nope.html: no such file');
    expect((await runCli(['render', 'nope.html'])).code).toBe(2);
    const unknown = await runCli(['render', ...welcome, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frobnicate'");
    expect((await runCli(['render'])).code).toBe(2);
  });

  it('prints its help', async () => {
    const run = await runCli(['render', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: mergetag render TEMPLATE');
    expect(run.stdout).toContain('--feed [ALIAS=]FILE');
  });
});

describe('mergetag url', () => {
  const feedUrl = 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome Codes';

  it('prints the request as sent for ann+vip@example.com', async () => {
    const run = await runCli(['url', feedUrl, '--user', 'fixtures/welcome/users/ann.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('https://api.voucherify.io/v1/publications/create?customer[source_id]=ann%2Bvip%40example.com&campaign[name]=Welcome%20Codes\n');
    expect(run.stderr).toContain(
      'rendered as https://api.voucherify.io/v1/publications/create?customer[source_id]=ann%2Bvip%40example.com&campaign[name]=Welcome Codes',
    );
  });

  it('expands a project feed for a user by id: the triple-stash value inside urlEncode is encoded as it is', async () => {
    const run = await runCli(['url', '--feed', 'welcome_codes', '--user', 'obrien'], { cwd: join(repoRoot, 'fixtures/welcome') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('customer[source_id]=cust+1%2Fo%27brien');
    expect(run.stderr).not.toContain('escaped-in-url-encode');
  });

  it("warns about escaping inside urlEncode when the feed URL writes {{source_id}} as Iterable's docs do", async () => {
    const dir = temp('mergetag-url-');
    cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
    const config = join(dir, 'mergetag.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('{{{source_id}}}', '{{source_id}}'));
    const run = await runCli(['url', '--feed', 'welcome_codes', '--user', 'obrien'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('customer[source_id]=cust+1%2Fo%26%23x27%3Bbrien');
    expect(run.stderr).toContain('(escaped-in-url-encode)');
    expect(run.stderr).toContain('write {{{source_id}}} inside {{#urlEncode}}');
  });

  it('shows the request cut at the # an escaped apostrophe puts in it, with a warning (https://support.iterable.com/hc/en-us/articles/36530857619348)', async () => {
    const dir = temp('mergetag-url-');
    writeFileSync(join(dir, 'user.json'), '{"id": "o\'brien"}');
    const template = 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{id}}&campaign[name]=Welcome';
    const run = await runCli(['url', template, '--user', 'user.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('https://api.voucherify.io/v1/publications/create?customer[source_id]=o&\n');
    expect(run.stderr).toContain('warning: the rendered feed URL has &#x27;');
    expect(run.stderr).toContain('(feed-url-fragment)');
    expect(run.stderr).toContain('sent as     https://api.voucherify.io/v1/publications/create?customer[source_id]=o&\n');
    const json = await runCli(['url', template, '--user', 'user.json', '--format', 'json'], { cwd: dir });
    const result = JSON.parse(json.stdout) as { exitCode: number; url: string; warningCount: number; diagnostics: Array<{ ruleId: string }> };
    expect([result.exitCode, result.url, result.warningCount]).toEqual([0, 'https://api.voucherify.io/v1/publications/create?customer[source_id]=o&', 1]);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['feed-url-fragment']);
  });

  it('never prints a secret query parameter, from the user or written in the URL: [redacted], as record stores it', async () => {
    const dir = temp('mergetag-url-');
    writeFileSync(join(dir, 'user.json'), '{"id": "u 1", "apiToken": "tok_live_5ecret9"}');
    const template = 'https://feeds.example.com/recs?id={{id}}&token={{apiToken}}&api_key=sk_literal_77x&page=2';
    const text = await runCli(['url', template, '--user', 'user.json'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('https://feeds.example.com/recs?id=u%201&token=[redacted]&api_key=[redacted]&page=2\n');
    expect(text.stderr).toContain('rendered as https://feeds.example.com/recs?id=u 1&token=[redacted]&api_key=[redacted]&page=2');
    const json = await runCli(['url', template, '--user', 'user.json', '--format', 'json'], { cwd: dir });
    for (const out of [text.stdout + text.stderr, json.stdout]) {
      expect(out).not.toContain('tok_live_5ecret9');
      expect(out).not.toContain('sk_literal_77x');
    }
    expect(JSON.parse(json.stdout)).toMatchObject({ url: 'https://feeds.example.com/recs?id=u%201&token=[redacted]&api_key=[redacted]&page=2' });
    // A message that quotes the URL is scrubbed too.
    const broken = await runCli(['url', 'feeds.example.com/recs?token={{apiToken}}', '--user', 'user.json'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('(invalid-url)');
    expect(broken.stderr).not.toContain('tok_live_5ecret9');
  });

  it('rejects [[ ]] in a feed URL with exit 1', async () => {
    const run = await runCli(['url', 'https://x.example/?c=[[code]]']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(feed-tag-in-url)');
  });

  it('rejects text that is not a URL with exit 1', async () => {
    const run = await runCli(['url', 'not a url {{x}}', '--user', 'fixtures/welcome/users/ann.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(invalid-url)');
  });
});

describe('mergetag', () => {
  it('prints usage and exits 2 without a command', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: mergetag COMMAND');
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runCli(['frob']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frob'");
  });

  it('prints its version', async () => {
    const run = await runCli(['--version']);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('mergetag render in a project', () => {
  const inWelcome = { cwd: join(repoRoot, 'fixtures/welcome') };

  it('renders a user by id, with a variant', async () => {
    const plain = await runCli(['render', 'welcome.html', '--user', 'ann'], inWelcome);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Get 10% off your first order');
    const variant = await runCli(['render', 'welcome.html', '--user', 'ann', '--variant', 'no-marketing-text'], inWelcome);
    expect(variant.code).toBe(0);
    expect(variant.stdout).toContain('WELCOME-7QX2K9');
    expect(variant.stdout).not.toContain('Get 10% off');
  });

  it('exits 2 for an unknown user or variant, naming the known ones', async () => {
    const user = await runCli(['render', 'welcome.html', '--user', 'zed'], inWelcome);
    expect(user.code).toBe(2);
    expect(user.stderr).toContain("no user 'zed'");
    expect(user.stderr).toContain('known users: ann, nameless, obrien');
    const variant = await runCli(['render', 'welcome.html', '--user', 'ann', '--variant', 'nope'], inWelcome);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toContain('variants: no-marketing-text');
  });

  it('renders every template × user × variant with --all and explains each skip', async () => {
    const out = temp();
    const run = await runCli(['render', '--all', '--out', out], inWelcome);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('4 rendered, 2 skipped, 0 not rendered (of 6)');
    expect(run.stdout).toMatch(/skipped\s+welcome.html × nameless, nameless \(no-marketing-text\): DataFeedError: .*no_voucher_suitable_for_publication/);
    expect(readdirSync(join(out, 'welcome')).sort()).toEqual(['ann.html', 'ann~no-marketing-text.html', 'obrien.html', 'obrien~no-marketing-text.html']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { counts: Record<string, number> };
    expect(summary.counts).toEqual({ rendered: 4, skipped: 2, notRendered: 0 });
  });

  it('reports config errors with file:line:column and exits 2', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'mergetag.config.json'), '{\n  "templates": [{"path": 5}]\n}\n');
    writeFileSync(join(dir, 't.html'), 'x');
    const run = await runCli(['render', '--all', '--out', join(dir, 'out')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mergetag.config.json:2:18: error: $.templates[0].path: Invalid input: expected string, received number');
  });
});

describe('mergetag render input errors', () => {
  it('says a user file path that does not exist is a missing file, not a user id', async () => {
    const run = await runCli(['render', 'fixtures/welcome/welcome.html', '--user', 'users/nope.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mergetag: users/nope.json: no such file (the user profile)\n');
  });
});
