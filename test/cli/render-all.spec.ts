/** `render --all` on projects built for each test: where outputs go, what fails, what is cleaned up. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

/** A project with template `t.html` (or the given templates) and no feeds; users by file name → profile JSON. */
function project(users: Record<string, string>, options: { templates?: Record<string, string>; config?: object } = {}): string {
  const dir = temp('mergetag-all-');
  mkdirSync(join(dir, 'users'));
  for (const [file, text] of Object.entries(users)) writeFileSync(join(dir, 'users', file), text);
  const templates = options.templates ?? { 't.html': 'Hi {{name}}' };
  for (const [path, text] of Object.entries(templates)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const config = { templates: Object.keys(templates).map((path) => ({ path })), ...options.config };
  writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify(config));
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('render --all output paths', () => {
  it('a user with "id": "../../t" writes inside --out and never over the template', async () => {
    const dir = project({ 'evil.json': '{"id": "../../t", "name": "Eve"}', 'ann.json': '{"name": "Ann"}' });
    const out = join(dir, 'a', 'b');
    const run = await runCli(['render', '--all', '--out', out], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 't.html'), 'utf8')).toBe('Hi {{name}}');
    expect(files(dir).filter((f) => !f.startsWith(join('a', 'b')))).toEqual(['mergetag.config.json', 't.html', 'users/ann.json', 'users/evil.json']);
    expect(files(out)).toEqual(['summary.json', 't/%2E.%2F..%2Ft.html', 't/ann.html']);
    expect(readFileSync(join(out, 't', '%2E.%2F..%2Ft.html'), 'utf8')).toBe('Hi Eve');
  });

  it('keeps the folder of each template: en/welcome.html and de/welcome.html do not meet', async () => {
    const dir = project({ 'ann.json': '{"name": "Ann"}' }, { templates: { 'en/welcome.html': 'Hi {{name}}', 'de/welcome.html': 'Hallo {{name}}' } });
    const run = await runCli(['render', '--all', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out/en/welcome/ann.html'), 'utf8')).toBe('Hi Ann');
    expect(readFileSync(join(dir, 'out/de/welcome/ann.html'), 'utf8')).toBe('Hallo Ann');
  });

  it('refuses two users whose files would be one on a case-insensitive filesystem, before writing anything', async () => {
    const dir = project({ 'a.json': '{"id": "Ann"}', 'b.json': '{"id": "ann"}' });
    const run = await runCli(['render', '--all', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('users/b.json:1:1: error: t.html × ann would write t/ann.html, which t.html × Ann writes too');
    expect(run.stderr).toContain('(output-collision)');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('render --all exit codes', () => {
  it('reports every broken user and recording file, then exits 2 without rendering', async () => {
    const dir = project({ 'ann.json': '{"name": "Ann"}', 'bad.json': '{"name": }', 'worse.json': '[1,' });
    mkdirSync(join(dir, 'recordings'));
    writeFileSync(join(dir, 'recordings', 'r.json'), '{"request": 1}');
    const run = await runCli(['render', '--all', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('users/bad.json:1:10: error: the user profile is not valid JSON');
    expect(run.stderr).toContain('users/worse.json:1:4: error: the user profile is not valid JSON');
    expect(run.stderr).toContain('recordings/r.json:1:2: error:');
    expect(run.stderr).toContain('3 input files have errors: nothing was done');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const counted = await runCli(['render', '--all', '--out', 'out', '--max-frames', '1'], { cwd: dir });
    expect(counted.stderr.match(/ error: /g)).toHaveLength(1);
    expect(counted.stderr).toContain('… and 4 more problems');
  });

  it('exits 2 when the users glob or a template path matches nothing', async () => {
    const noUsers = project({}, { config: { users: 'people/*.json' } });
    const users = await runCli(['render', '--all', '--out', 'out'], { cwd: noUsers });
    expect(users.code).toBe(2);
    expect(users.stderr).toContain("error: the users glob 'people/*.json' matches no file (no-match)");
    const noTemplate = project({ 'ann.json': '{}' }, { config: { templates: [{ path: 'missing.html' }] } });
    const template = await runCli(['render', '--all', '--out', 'out'], { cwd: noTemplate });
    expect(template.code).toBe(2);
    expect(template.stderr).toContain("mergetag.config.json:1:16: error: the template path 'missing.html' matches no file (no-match)");
    expect((await runCli(['validate'], { cwd: noTemplate })).code).toBe(2);
  });

  it('prints a warning once per template, with how many cases show it, and --max-warnings makes it fail', async () => {
    const dir = project({ 'a.json': '{"xs": 1}', 'b.json': '{"xs": 2}', 'c.json': '{"xs": 3}' }, { templates: { 't.html': '{{#each xs}}x{{/each}}' } });
    const run = await runCli(['render', '--all', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/\(each-over-scalar\)/g)).toHaveLength(1);
    expect(run.stderr).toContain('(in 3 of 3 cases)');
    const strict = await runCli(['render', '--all', '--out', 'out', '--max-warnings', '0'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('1 warning: more than --max-warnings 0');
    expect((await runCli(['render', '--all', '--out', 'out', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['render', '--all', '--out', 'out', '--max-warnings', 'x'], { cwd: dir })).code).toBe(2);
  });

  it('prints at most --max-frames diagnostics, then counts the rest', async () => {
    const dir = project({ 'a.json': '{"x": 1}' }, { templates: { 't.html': '{{#each x}}{{/each}}'.repeat(5) } });
    const run = await runCli(['render', '--all', '--out', 'out', '--max-frames', '2'], { cwd: dir });
    expect(run.stderr.match(/\(each-over-scalar\)/g)).toHaveLength(2);
    expect(run.stderr).toContain('… and 3 more problems (frames omitted; use --max-frames)');
  });

  it('reports a template syntax error once, not once per user', async () => {
    const dir = project({ 'a.json': '{}', 'b.json': '{}', 'c.json': '{}' }, { templates: { 't.html': '{{#if x}}open' } });
    const run = await runCli(['render', '--all', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.match(/error: unclosed \{\{#if x\}\}/g)).toHaveLength(1);
    expect(run.stdout.match(/^ +skipped/gm)).toHaveLength(1);
    expect(run.stdout).toContain('skipped  t.html × a, b, c: HandlebarsExecutionError');
  });
});

describe('render --all leftovers', () => {
  it('removes outputs of the previous run that this run did not write, and nothing else', async () => {
    const dir = project({ 'ann.json': '{"name": "Ann"}', 'bob.json': '{"name": "Bob"}' });
    expect((await runCli(['render', '--all', '--out', 'out'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'out', 'mine.txt'), 'not written by mergetag');
    execFileSync('rm', [join(dir, 'users', 'bob.json')]);
    expect((await runCli(['render', '--all', '--out', 'out'], { cwd: dir })).code).toBe(0);
    expect(files(join(dir, 'out'))).toEqual(['mine.txt', 'summary.json', 't/ann.html']);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as { files: string[]; cases: unknown[] };
    expect(summary.files).toEqual(['t/ann.html']);
    expect(summary.cases).toHaveLength(1);
  });

  it('removes temporary files a killed run left behind', async () => {
    const dir = project({ 'ann.json': '{"name": "Ann"}' });
    mkdirSync(join(dir, 'out', 't'), { recursive: true });
    const stale = join(dir, 'out', 't', '.ann.html.999999999.0a1b2c3d.tmp');
    writeFileSync(stale, 'half a message');
    writeFileSync(join(dir, 'out', '.keep.tmp'), 'not ours');
    expect((await runCli(['render', '--all', '--out', 'out'], { cwd: dir })).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(dir, 'out', '.keep.tmp'))).toBe(true);
  });

  it('refuses an --out that is a file', async () => {
    const dir = project({ 'ann.json': '{}' });
    const run = await runCli(['render', '--all', '--out', 't.html'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(statSync(join(dir, 't.html')).isFile()).toBe(true);
  });
});

describe('--format json', () => {
  it('has one shape for every command', async () => {
    const dir = project({ 'ann.json': '{"name": "Ann"}' });
    const runs = [
      await runCli(['render', 't.html', '--user', 'ann', '--format', 'json'], { cwd: dir }),
      await runCli(['render', '--all', '--out', 'out', '--format', 'json'], { cwd: dir }),
      await runCli(['validate', '--format', 'json'], { cwd: dir }),
      await runCli(['url', 'https://x.example/{{id}}', '--format', 'json'], { cwd: dir }),
      await runCli(['render', 'nope.html', '--user', 'ann', '--format', 'json'], { cwd: dir }),
      await runCli(['record', '--user', 'ann', '--format', 'json'], { cwd: dir }),
    ];
    for (const run of runs) {
      const result = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(result)).toEqual(expect.arrayContaining(['exitCode', 'errorCount', 'warningCount', 'diagnostics']));
      expect(result.exitCode).toBe(run.code);
    }
    const missing = await runCli(['render', 'nope.html', '--user', 'x.json', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(missing.stdout)).toMatchObject({
      exitCode: 2,
      errorCount: 1,
      diagnostics: [{ ruleId: 'input-file', file: 'x.json', message: 'no such file (the user profile)' }],
    });
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 2, 2]);
  });

  it('the progress line on a terminal shows ids from input files escaped: a user id cannot drive the terminal', async () => {
    const dir = project({ 'evil.json': '{"id": "x\\u001b]0;pwned\\u0007", "name": "Eve"}' });
    const run = await runCli(['render', '--all', '--out', join(dir, 'out')], { cwd: dir, stderrIsTTY: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('x\\x1b]0;pwned\\x07');
    expect(run.stderr).not.toContain('\u0007');
  });
});
