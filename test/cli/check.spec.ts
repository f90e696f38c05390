/**
 * `mergetag check` in-process on a temp copy of fixtures/welcome: exit codes, the printed counterexample, the files
 * it writes, and the render command that reproduces the failure (run here, in-process, and compared).
 */
import { cpSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

/** A copy of fixtures/welcome, with its template replaced (or another added) where a test says. */
function welcome(templates: Record<string, string> = {}): string {
  const dir = temp('mergetag-check-');
  cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
  for (const [file, text] of Object.entries(templates)) writeFileSync(join(dir, file), text);
  return dir;
}

const UNGUARDED = '<p>[[welcome_codes.voucher.metadata.marketing_text]]</p>\n<p>Your code: [[welcome_codes.voucher.code]]</p>\n';

/** Splits the printed render command into its arguments (it quotes with POSIX single quotes only). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) words.push(match[1] !== undefined ? match[1].replace(/'\\''/g, "'") : match[2]!);
  return words;
}

describe('mergetag check on the welcome project', () => {
  it('passes on fixtures/welcome: exit 0, the seed printed, nothing written', async () => {
    const dir = welcome();
    const run = await runCli(['check', '--runs', '20', '--seed', '7'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('ok welcome.html: 20 runs, seed 7');
    expect(run.stdout).toContain('every property holds for 1 template');
    expect(existsSync(join(dir, '.mergetag'))).toBe(false);
  });

  it('fails on a template printing marketing_text unguarded: names the path, writes the files, prints a command that reproduces it', async () => {
    const dir = welcome({ 'welcome.html': UNGUARDED });
    const run = await runCli(['check', '--runs', '50', '--seed', '1'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('FAILED welcome.html');
    expect(run.stdout).toContain('[[welcome_codes.voucher.metadata.marketing_text]]');
    expect(run.stdout).toMatch(/ {4}user: \{/);
    expect(run.stdout).toMatch(/ {4}feed welcome_codes \(200\): \{/);

    const written = /written to (\S+)\/; reproduce it with:\n {4}(.+)\n/.exec(run.stdout);
    expect(written, run.stdout).not.toBeNull();
    const [, folder, command] = written!;
    expect(folder).toMatch(/^\.mergetag\/check\/welcome\.html\/[\w-]+$/);
    expect(readdirSync(join(dir, folder!)).sort()).toEqual(['user.json', 'welcome_codes.json']);
    const recording = JSON.parse(readFileSync(join(dir, folder!, 'welcome_codes.json'), 'utf8'));
    expect(recording.request.method).toBe('GET');
    expect(recording.request.url).toMatch(/^https:\/\/api\.voucherify\.io\/v1\/publications\/create\?customer\[source_id\]=/);
    expect(recording.request.headers).toEqual({ 'X-App-Id': '[redacted]', 'X-App-Token': '[redacted]' });
    expect(recording.response.status).toBe(200);
    expect(recording.recordedAt).toBe('2026-01-15T12:00:00.000Z');

    // The command, run as printed in the same folder, renders the counterexample's output.
    const words = shellWords(command!);
    expect(words.slice(0, 3)).toEqual(['mergetag', 'render', 'welcome.html']);
    expect(words).toContain('--now');
    const render = await runCli(words.slice(1), { cwd: dir });
    expect(render.code, render.stderr).toBe(0);
    const json = await runCli(['check', '--runs', '50', '--seed', '1', '--format', 'json'], { cwd: dir });
    const failure = JSON.parse(json.stdout).results[0].failures[0];
    expect(render.stdout).toBe(failure.counterexample.output);
    expect(render.stdout).toContain('<p></p>');
  });

  it('an unaliased feed with mergeDataFeedContext: the command passes the recording without an alias, and --merge-context', async () => {
    const dir = welcome({ 'welcome.html': '<p>{{voucher.metadata.marketing_text}}</p>\n' });
    const config = JSON.parse(readFileSync(join(dir, 'mergetag.config.json'), 'utf8'));
    delete config.feeds.welcome_codes.alias;
    config.templates[0].mergeDataFeedContext = true;
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify(config));
    const run = await runCli(['check', '--runs', '50', '--seed', '1', '--property', 'prints-scalars', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stdout).toBe(1);
    const failure = JSON.parse(run.stdout).results[0].failures[0];
    expect(failure.message).toContain('{{voucher.metadata.marketing_text}}');
    const words = shellWords(failure.command);
    expect(words).toContain('--merge-context');
    const feed = words[words.indexOf('--feed') + 1]!;
    expect(feed).toBe(`${failure.folder}/welcome_codes.json`);
    const render = await runCli(words.slice(1), { cwd: dir });
    expect(render.code, render.stderr).toBe(0);
    expect(render.stdout).toBe(failure.counterexample.output);
  });

  it('--format json: the shared result with each template, its seed and failures', async () => {
    const dir = welcome({ 'welcome.html': UNGUARDED });
    const run = await runCli(['check', '--runs', '30', '--seed', '3', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ exitCode: 1, errorCount: 0, diagnostics: [], now: '2026-01-15T12:00:00.000Z' });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({ template: 'welcome.html', seed: 3, runs: 30, passed: false });
    const failure = result.results[0].failures[0];
    expect(failure.message).toContain('[[welcome_codes.voucher.metadata.marketing_text]]');
    expect(failure.folder).toMatch(/^\.mergetag\/check\/welcome\.html\//);
    expect(failure.command).toMatch(/^mergetag render welcome\.html --user /);
    expect(run.stderr).toBe('');
  });

  it('--out writes the counterexample where it says, inside the project only', async () => {
    const dir = welcome({ 'welcome.html': UNGUARDED });
    const run = await runCli(['check', '--runs', '30', '--seed', '3', '--out', 'found'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/written to found\/welcome\.html\//);
    expect(existsSync(join(dir, '.mergetag'))).toBe(false);

    const outside = await runCli(['check', '--out', '../elsewhere'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside the project folder');
    const other = temp('mergetag-check-outside-');
    symlinkSync(other, join(dir, 'link'));
    const linked = await runCli(['check', '--out', 'link/x'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(readdirSync(other)).toEqual([]);
  });

  it('prints progress on a terminal only, on stderr', async () => {
    const dir = welcome();
    const tty = await runCli(['check', '--runs', '5', '--seed', '1'], { cwd: dir, stderrIsTTY: true });
    expect(tty.stderr).toContain('checking welcome.html (1/1)…');
    const pipe = await runCli(['check', '--runs', '5', '--seed', '1'], { cwd: dir });
    expect(pipe.stderr).toBe('');
  });

  it('checks the templates named, and exits 2 on bad usage', async () => {
    const dir = welcome({ 'other.html': 'Hi' });
    expect((await runCli(['check', 'other.html'], { cwd: dir })).stderr).toContain('other.html is not a template of mergetag.config.json');
    for (const args of [['--runs', '0'], ['--runs', 'x'], ['--seed', '1.5'], ['--now', 'soon'], ['--format', 'xml'], ['--bogus']]) {
      const run = await runCli(['check', ...args], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
    }
    const named = await runCli(['check', 'welcome.html', '--runs', '5', '--seed', '2'], { cwd: dir });
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain('ok welcome.html: 5 runs, seed 2');
  });

  it('--property runs only the properties named; --help lists them all', async () => {
    const dir = welcome({ 'welcome.html': UNGUARDED });
    const only = await runCli(['check', '--runs', '30', '--seed', '3', '--format', 'json', '--property', 'max-size', '--property', 'not-skipped'], {
      cwd: dir,
    });
    expect(only.code, only.stdout).toBe(0);
    const failing = await runCli(['check', '--runs', '30', '--seed', '3', '--format', 'json', '--property', 'prints-scalars'], { cwd: dir });
    expect(JSON.parse(failing.stdout).results[0].failures.map((f: { property: string }) => f.property)).toEqual(['prints-scalars']);
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    for (const name of [
      'not-skipped',
      'prints-scalars',
      'no-garbage',
      'feed-url',
      'max-size',
      'alias-rename',
      'alias-reorder',
      'unaliased-merge',
      'merge-context',
    ]) {
      expect(help.stdout).toContain(`  ${name} `);
    }
  });

  it('--now sets the clock of the run and of the command that reproduces it', async () => {
    const dir = welcome({ 'welcome.html': UNGUARDED });
    const run = await runCli(['check', '--runs', '30', '--seed', '3', '--format', 'json', '--now', '2027-03-01T08:00:00Z'], { cwd: dir });
    const result = JSON.parse(run.stdout);
    expect(result.now).toBe('2027-03-01T08:00:00Z');
    expect(result.results[0].failures[0].command).toContain('--now 2027-03-01T08:00:00Z');
  });

  it('exits 2 outside a project, and on an unknown --property', async () => {
    const empty = temp('mergetag-check-none-');
    expect((await runCli(['check'], { cwd: empty })).code).toBe(2);
    const dir = welcome();
    const run = await runCli(['check', '--property', 'no-such-property'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--property: unknown property 'no-such-property'; the properties are: not-skipped, prints-scalars");
  });

  it('the config can make a user field optional that every sample user has: the feed URL then misses its customer', async () => {
    const dir = welcome();
    const file = join(dir, 'mergetag.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    config.check = { optionalUserFields: ['source_id'] };
    writeFileSync(file, JSON.stringify(config, null, 2));
    const run = await runCli(['check', '--property', 'feed-url', '--runs', '200', '--seed', '1'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/customer\[source_id\]/);
    delete config.check;
    writeFileSync(file, JSON.stringify(config, null, 2));
    expect((await runCli(['check', '--property', 'feed-url', '--runs', '200', '--seed', '1'], { cwd: dir })).code).toBe(0);
  });
});
