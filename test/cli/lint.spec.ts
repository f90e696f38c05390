/** `mergetag lint` in a project and on single files: findings at their line and column, formatters, exit codes. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

function welcomeProject(template?: string, config?: (c: Record<string, unknown>) => void): string {
  const dir = temp('mergetag-lint-');
  cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
  // The bundled feed URL keeps Iterable's documented {{source_id}} inside #urlEncode, which lint rightly warns
  // about (see the first test); these tests are about the template, so their copy writes the URL as lint suggests.
  const configFile = join(dir, 'mergetag.config.json');
  writeFileSync(
    configFile,
    readFileSync(configFile, 'utf8').replace('{{#urlEncode}}{{source_id}}{{/urlEncode}}', '{{#urlEncode}}{{{source_id}}}{{/urlEncode}}'),
  );
  if (template !== undefined) writeFileSync(join(dir, 'welcome.html'), template);
  if (config) {
    const file = join(dir, 'mergetag.config.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    config(parsed);
    writeFileSync(file, JSON.stringify(parsed, null, 2));
  }
  return dir;
}

interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: number;
}

async function lintJson(dir: string, args: string[] = []): Promise<{ code: number; messages: JsonMessage[]; stderr: string }> {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd: dir });
  const parsed = JSON.parse(result.stdout) as Array<{ messages: JsonMessage[] }>;
  return { code: result.code, messages: parsed.flatMap((r) => r.messages), stderr: result.stderr };
}

describe('mergetag lint', () => {
  it('the bundled welcome project lints clean: exit 0, nothing printed', async () => {
    expect(await runCli(['lint'], { cwd: join(repoRoot, 'fixtures/welcome') })).toMatchObject({ code: 0, stdout: '' });
  });

  it("Iterable's documented {{source_id}} inside #urlEncode in the feed URL: one warning at its column, exit 0", async () => {
    const dir = welcomeProject();
    const configFile = join(dir, 'mergetag.config.json');
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace('{{{source_id}}}', '{{source_id}}'));
    const { code, messages } = await lintJson(dir);
    expect(code).toBe(0);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['url-encode-escaped-input', 5, 98]]);
  });

  it('finds each mistake at its line and column, and nothing on the correct lines (exit 1)', async () => {
    const dir = welcomeProject(
      [
        // A guest (users/nameless.json) has no firstName: unguarded, the line would be unguarded-optional-path's.
        '<p>Hi {{#if firstName}}{{firstName}}{{else}}there{{/if}}</p>',
        '<b>[[welcom_codes.voucher.code]]</b>',
        '<i>[[welcome_codes.voucher.cod]]</i>',
        '<p>{{upcase firstName}}</p>',
        '[[welcome_codes.voucher.code]]',
        '',
      ].join('\n'),
    );
    const { code, messages } = await lintJson(dir);
    expect(code).toBe(1);
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn])).toEqual([
      ['unknown-feed-alias', 2, 6, 18],
      ['feed-path-not-found', 3, 28, 31],
      ['unknown-helper', 4, 6, 12],
    ]);
  });

  it('stylish groups by file, with the rule id, the hint and a summary; --frames adds code frames', async () => {
    const dir = welcomeProject('<b>[[welcome_codes.voucher.cod]]</b>\n');
    const plain = await runCli(['lint'], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('welcome.html\n  1:28  error');
    expect(plain.stdout).toContain('feed-path-not-found');
    expect(plain.stdout).toContain('hint: did you mean [[welcome_codes.voucher.code]]?');
    expect(plain.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings, 0 info\)/);
    expect(plain.stdout).not.toContain('> 1 |');
    const framed = await runCli(['lint', '--frames'], { cwd: dir });
    expect(framed.stdout).toContain('> 1 | <b>[[welcome_codes.voucher.cod]]</b>');
  });

  it('rules from the config: a severity changed, a rule off, an unknown rule id is a config error (exit 2)', async () => {
    const warn = welcomeProject('<b>[[welcome_codes.voucher.cod]]</b>\n', (c) => (c.rules = { 'feed-path-not-found': 'warning' }));
    const warned = await lintJson(warn);
    expect(warned.code).toBe(0);
    expect(warned.messages.map((m) => m.severity)).toEqual([1]);
    expect((await lintJson(warn, ['--max-warnings', '0'])).code).toBe(1);
    expect((await runCli(['lint', '--quiet'], { cwd: warn })).stdout).toBe('');

    const off = welcomeProject('<b>[[welcome_codes.voucher.cod]]</b>\n', (c) => (c.rules = { 'feed-path-not-found': 'off' }));
    expect(await lintJson(off)).toMatchObject({ code: 0, messages: [] });

    const unknown = welcomeProject(undefined, (c) => (c.rules = { 'feed-path-not-foun': 'error' }));
    const result = await runCli(['lint'], { cwd: unknown });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/mergetag\.config\.json:\d+:\d+: error: "rules" names 'feed-path-not-foun', which is no lint rule \(config\)/);
  });

  it('an inline directive silences the next line; one that silences nothing is reported', async () => {
    const dir = welcomeProject(
      '{{!-- mergetag-disable-next-line feed-path-not-found --}}\n<b>[[welcome_codes.voucher.cod]]</b>\n{{! mergetag-disable-next-line unknown-helper }}\n<p>ok</p>\n',
    );
    const { messages } = await lintJson(dir);
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['unused-disable-directive', 3]]);
  });

  it('lints the files given; a name that matches nothing is an input error (exit 2)', async () => {
    const dir = welcomeProject();
    writeFileSync(join(dir, 'other.html'), '{{#if}}x{{/if}} [[#each]]\n');
    const other = await lintJson(dir, ['other.html']);
    expect(other.code).toBe(1);
    expect(other.messages.map((m) => m.ruleId)).toContain('syntax-error');
    expect((await runCli(['lint', 'nothing-*.html'], { cwd: dir })).code).toBe(2);
  });

  it('without a project it lints a file with what its text tells, and says which knowledge was missing', async () => {
    const dir = temp('mergetag-lint-file-');
    writeFileSync(join(dir, 'mail.html'), '<b>[[welcom_codes.voucher.code]]</b> {{upcase x}}\n');
    const result = await runCli(['lint', 'mail.html'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown-helper');
    expect(result.stdout).not.toContain('unknown-feed-alias');
    expect(result.stdout).toMatch(/note: some rules could not check mail\.html: no feeds/);
    expect((await runCli(['lint'], { cwd: dir })).code).toBe(2);
  });

  it('sarif and github formats', async () => {
    const dir = welcomeProject('<b>[[welcome_codes.voucher.cod]]</b>\n');
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif'], { cwd: dir })).stdout) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(1);
    const github = await runCli(['lint', '--format', 'github'], { cwd: dir });
    expect(github.stdout).toMatch(/^::error file=welcome\.html,line=1,col=28,endLine=1,endColumn=31,title=mergetag feed-path-not-found::/);
    expect((await runCli(['lint', '--format', 'xml'], { cwd: dir })).code).toBe(2);
  });
});
