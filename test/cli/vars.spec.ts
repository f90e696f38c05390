import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

interface Read {
  family: string;
  alias: string | null;
  path: string;
  candidates: string[];
  start: { line: number; column: number };
  end: { line: number; column: number };
  use: string;
  helper: { name: string; param?: number; known: boolean } | null;
  guard: { path: string; by: string; start: { line: number; column: number } } | null;
  scope: { kind: string; text: string };
  encodedBy: string[];
}

function template(text: string): string {
  const dir = temp();
  const file = join(dir, 't.html');
  writeFileSync(file, text);
  return file;
}

describe('mergetag vars', () => {
  it('lists the welcome template: user and feed fields per alias, guards, helpers, and the feed URL in the project', async () => {
    const run = await runCli(['vars', 'welcome.html'], { cwd: join(repoRoot, 'fixtures/welcome') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toMatch(/user fields \{\{ \}\} \(4 reads\)/);
    expect(out).toMatch(/26:37 +firstName +printed +#if 26:15 +this/);
    expect(out).toMatch(/56:107 +email +printed-raw in #urlEncode +- +this/);
    expect(out).toMatch(/feed fields \[\[ \]\] \(6 reads\)\n {4}welcome_codes\n/);
    expect(out).toMatch(/43:138 +welcome_codes\.voucher\.metadata\.marketing_text +printed +#if 43:21 +this/);
    expect(out).toMatch(/helper calls \(4\)/);
    expect(out).toMatch(/56:90 +#urlEncode +block +\{\{ \}\}/);
    expect(out).toContain('feed welcome_codes (alias welcome_codes): mergetag.config.json (feeds.welcome_codes.url)');
    expect(out).toMatch(/1:87 +source_id +printed-raw in #urlEncode/);
  });

  it('prints every read with 1-based spans, candidates, use, guard and scope as JSON', async () => {
    const file = template(
      '{{#each items as |item i|}}{{item.name}} {{@index}} {{../title}}{{/each}}\n[[#with shop]][[#each items]][[name]][[/each]][[/with]] [[@root.shop.x]]\n',
    );
    const run = await runCli(['vars', file, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      exitCode: number;
      reads: Read[];
      helperCalls: Array<{ name: string; form: string; known: boolean }>;
      feedUrls: unknown[];
    };
    expect(json.exitCode).toBe(0);
    expect(json.feedUrls).toEqual([]);
    const by = (path: string) => json.reads.find((r) => r.path === path)!;
    expect(by('item.name')).toMatchObject({
      family: 'user',
      alias: null,
      candidates: ['items.[].name'],
      start: { line: 1, column: 30 },
      end: { line: 1, column: 39 },
      use: 'printed',
      guard: { path: 'items', by: 'each', start: { line: 1, column: 1 } },
      scope: { kind: 'block-param', text: 'block param |item| = items.[]' },
    });
    expect(by('@index').scope).toMatchObject({ kind: 'data', text: '@index' });
    expect(by('../title').scope).toMatchObject({ kind: 'context', depth: 1, text: '../' });
    expect(by('items')).toMatchObject({ use: 'iterated', helper: { name: 'each', param: 0, known: true } });
    // Feed reads are grouped by the alias they resolve through, also from inside #with and #each.
    expect(by('name')).toMatchObject({ family: 'feed', alias: 'shop', candidates: ['shop.items.[].name', 'shop.name', 'name'] });
    expect(by('@root.shop.x')).toMatchObject({ alias: 'shop', candidates: ['shop.x'], scope: { kind: 'root', text: '@root' } });
    expect(json.helperCalls.map((c) => `${c.name} ${c.form}`)).toEqual(['each block', 'with block', 'each block']);
  });

  it('marks fallbacks as guards, comparisons, sub-expressions and unknown helpers', async () => {
    const file = template('{{defaultIfEmpty nick "friend"}} {{#ifEq (lower plan) "pro"}}x{{/ifEq}} {{bogus a}}');
    const text = await runCli(['vars', file]);
    expect(text.stdout).toMatch(/1:18 +nick +argument \(defaultIfEmpty\) +defaultIfEmpty 1:1/);
    expect(text.stdout).toMatch(/\(lower\) +subexpression/);
    expect(text.stdout).toMatch(/bogus +inline +\{\{ \}\} +unknown helper/);
    const json = JSON.parse((await runCli(['vars', file, '--format', 'json'])).stdout) as {
      reads: Read[];
      helperCalls: Array<{ name: string; known: boolean }>;
    };
    expect(json.reads.find((r) => r.path === 'nick')!.guard).toMatchObject({ by: 'defaultIfEmpty' });
    expect(json.helperCalls.find((c) => c.name === 'bogus')!.known).toBe(false);
  });

  it('lists what parsed and exits 1 when the template has a syntax error', async () => {
    const file = template('{{firstName}}\n{{#if vip}}VIP\n');
    const run = await runCli(['vars', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/t\.html:2:\d+: error: .*\(syntax-error\)/);
    expect(run.stdout).toMatch(/1:3 +firstName +printed/);
    const json = JSON.parse((await runCli(['vars', file, '--format', 'json'])).stdout) as { exitCode: number; errorCount: number };
    expect(json).toMatchObject({ exitCode: 1, errorCount: 1 });
  });

  it('says when a template is not one of the project, and --no-project ignores the config', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'mergetag.config.json'), '{"templates": []}');
    writeFileSync(join(dir, 'other.html'), '{{a}}');
    const run = await runCli(['vars', 'other.html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note: other.html is not a template of mergetag.config.json: its feed URLs are unknown');
    const alone = await runCli(['vars', 'other.html', '--no-project'], { cwd: dir });
    expect(alone.stderr).not.toContain('not a template');
  });

  it('escapes control characters from the template in its table', async () => {
    const file = template('{{[a\u001b[31mb]}}');
    const run = await runCli(['vars', file], { env: { FORCE_COLOR: '1' }, stderrIsTTY: true });
    // Neither the template's control characters nor colors: the listing is plain text.
    expect(run.stdout).not.toContain('\u001b');
  });

  it('exits 2 without a TEMPLATE or for a missing file', async () => {
    expect((await runCli(['vars'])).code).toBe(2);
    const missing = await runCli(['vars', 'nope.html']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.html: no such file (the template)');
  });
});
