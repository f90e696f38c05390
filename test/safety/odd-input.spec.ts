/**
 * Issue 7 item 5 (odd input): byte-order marks, user files that are not objects, and symbolic links that lead
 * out of the project folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { loadUsers } from '../../src/project/users.js';
import { RecordingStore } from '../../src/recordings/store.js';
import { runCli, tempDir, welcomeCopy } from './support.js';

const NOW = ['--now', '2026-11-25T09:00:00Z'];
let baseline: string;

beforeAll(async () => {
  const first = await runCli(['render', 'welcome.html', '--user', 'ann', ...NOW], welcomeCopy());
  expect(first.code).toBe(0);
  baseline = first.stdout;
});

describe('a UTF-8 byte-order mark', () => {
  it('a config with a BOM loads', () => {
    const result = parseConfig('\uFEFF{"users": "people/*.json"}', 'mergetag.config.json');
    expect(result.ok && result.loaded.config.users).toBe('people/*.json');
  });

  it('a project whose config, users and recordings all start with a BOM renders as without', async () => {
    const dir = welcomeCopy();
    const files = [
      'mergetag.config.json',
      ...readdirSync(join(dir, 'users')).map((f) => `users/${f}`),
      ...readdirSync(join(dir, 'recordings')).map((f) => `recordings/${f}`),
    ];
    for (const file of files) writeFileSync(join(dir, file), `\uFEFF${readFileSync(join(dir, file), 'utf8')}`);
    const result = await runCli(['render', 'welcome.html', '--user', 'ann', ...NOW], dir);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(baseline);
    const validate = await runCli(['validate'], dir);
    // The config, the template and the three recordings.
    expect(validate.stdout).toContain('5 files checked: 0 errors');
  });
});

describe('a user file that is not an object', () => {
  const kinds = [
    ['"ann"', 'a string'],
    ['["ann"]', 'an array'],
    ['null', 'null'],
    ['42', 'a number'],
  ] as const;

  it.each(kinds)('%s in users/ is an error at its line and column', (json, kind) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'users'));
    writeFileSync(join(dir, 'users', 'x.json'), `\n  ${json}\n`);
    writeFileSync(join(dir, 'users', 'ok.json'), '{"firstName": "Ok"}');
    writeFileSync(join(dir, 'users', 'more.ndjson'), `{"id": "n1"}\n${json}\n`);
    const { users, diagnostics } = loadUsers(dir, 'users/*', 'id', (file) => file);
    expect([...users.keys()].sort()).toEqual(['n1', 'ok']);
    expect(
      diagnostics.map((d) => `${d.file?.endsWith('x.json') ? 'x.json' : 'more.ndjson'}:${d.start.line}:${d.start.column}: ${d.severity}: ${d.message}`).sort(),
    ).toEqual([
      `more.ndjson:2:1: error: a user profile is a JSON object of user fields, found ${kind}`,
      `x.json:2:3: error: a user profile is a JSON object of user fields, found ${kind}`,
    ]);
  });

  it.each(kinds)('--user FILE holding %s is an input error with its position (exit 2)', async (json, kind) => {
    const dir = welcomeCopy();
    writeFileSync(join(dir, 'u.json'), `\n\n ${json}`);
    const result = await runCli(['render', 'welcome.html', '--user', 'u.json', '--feed', 'welcome_codes=recordings/ann.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`mergetag: u.json:3:2: a user profile is a JSON object of user fields, found ${kind}`);
    expect(result.stdout).toBe('');
  });
});

describe('symbolic links out of the project folder', () => {
  const CANARY = 'CANARY_SECRET=9f3b2d71c4e85a06';
  let outside: string;
  beforeAll(() => {
    outside = tempDir('mergetag-outside-');
    writeFileSync(join(outside, 'environ'), `${CANARY}\0PATH=/usr/bin\0`);
    writeFileSync(join(outside, 'user.json'), `{"id": "intruder", "firstName": "${CANARY}"}`);
    writeFileSync(join(outside, 'snippet.html'), CANARY);
    writeFileSync(join(outside, 'template.html'), CANARY);
    writeFileSync(
      join(outside, 'rec.json'),
      JSON.stringify({
        request: { method: 'GET', url: 'https://x.example/' },
        response: { status: 200, body: { c: CANARY } },
        recordedAt: '2026-01-01T00:00:00Z',
      }),
    );
  });

  const noCanary = (text: string) => {
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('PATH=');
  };

  it('validate refuses recordings/x.json -> a file outside (and /proc/self/environ), printing nothing of it', async () => {
    const dir = welcomeCopy();
    symlinkSync(join(outside, 'environ'), join(dir, 'recordings', 'x.json'));
    symlinkSync(join(outside, 'rec.json'), join(dir, 'recordings', 'y.json'));
    if (existsSync('/proc/self/environ')) symlinkSync('/proc/self/environ', join(dir, 'recordings', 'z.json'));
    for (const argv of [['validate'], ['validate', 'recordings/x.json', 'recordings/y.json'], ['validate', '--format', 'json']]) {
      const result = await runCli(argv, dir);
      noCanary(result.stdout + result.stderr);
      // In a project a refused file is a broken input file (exit 2); named on the command line, a finding (exit 1).
      expect(result.code, argv.join(' ')).toBe(argv.length === 3 && argv[1] !== '--format' ? 1 : 2);
      expect(result.stdout + result.stderr).toContain('recordings/x.json');
      expect(result.stdout + result.stderr).toMatch(/symbolic link to a file outside the project folder/);
    }
    const validated = await runCli(['validate'], dir);
    const text = validated.stdout + validated.stderr;
    expect(text).toMatch(
      /^recordings\/x\.json:1:1: error: recordings\/x\.json is a symbolic link to a file outside the project folder: not read \(outside-project\)$/m,
    );
  });

  it('a link inside the project still reads', async () => {
    const dir = welcomeCopy();
    mkdirSync(join(dir, 'recordings', 'more'));
    symlinkSync('../ann.json', join(dir, 'recordings', 'more', 'ann-again.json'));
    const result = await runCli(['validate'], dir);
    expect(result.stdout).toContain('6 files checked: 0 errors');
  });

  it('render --all and render refuse a user, recording, snippet or template reached through a link out', async () => {
    const dir = welcomeCopy();
    symlinkSync(join(outside, 'user.json'), join(dir, 'users', 'intruder.json'));
    symlinkSync(join(outside, 'rec.json'), join(dir, 'recordings', 'r.json'));
    symlinkSync(outside, join(dir, 'recordings', 'dir'));
    const all = await runCli(['render', '--all', '--out', join(dir, 'out')], dir);
    noCanary(all.stdout + all.stderr);
    expect(all.stderr).toContain('users/intruder.json is a symbolic link to a file outside the project folder: not read');
    expect(all.stderr).toContain('recordings/r.json is a symbolic link to a file outside the project folder');
    expect(all.stderr).toContain('recordings/dir/rec.json is a symbolic link to a file outside the project folder');
    expect(all.code).toBe(2);
    // Broken input files stop the run before anything is written (exit 2).
    expect(existsSync(join(dir, 'out'))).toBe(false);

    const snippetDir = welcomeCopy();
    mkdirSync(join(snippetDir, 'snippets'));
    symlinkSync(join(outside, 'snippet.html'), join(snippetDir, 'snippets', 'footer.html'));
    writeFileSync(join(snippetDir, 'welcome.html'), 'Hi {{{snippet "footer"}}}');
    const snippet = await runCli(['render', 'welcome.html', '--user', 'ann', ...NOW], snippetDir);
    noCanary(snippet.stdout + snippet.stderr);
    expect(snippet.stderr).toContain('snippets/footer.html: is a symbolic link to a file outside the project folder');

    const templateDir = welcomeCopy();
    symlinkSync(join(outside, 'template.html'), join(templateDir, 'linked.html'));
    const config = JSON.parse(readFileSync(join(templateDir, 'mergetag.config.json'), 'utf8')) as { templates: { path: string }[] };
    config.templates[0]!.path = '*.html';
    writeFileSync(join(templateDir, 'mergetag.config.json'), JSON.stringify(config));
    const template = await runCli(['render', 'linked.html', '--user', 'ann', ...NOW], templateDir);
    noCanary(template.stdout + template.stderr);
    expect(template.code).toBe(2);
    expect(template.stderr).toContain('linked.html is a symbolic link to a file outside the project folder: not read');
  });

  it('render with files refuses a --user or --feed under the working directory that links out of it (exit 2)', async () => {
    const dir = welcomeCopy();
    symlinkSync(join(outside, 'user.json'), join(dir, 'u.json'));
    symlinkSync(join(outside, 'rec.json'), join(dir, 'f.json'));
    for (const argv of [
      ['--user', 'u.json', '--feed', 'welcome_codes=recordings/ann.json'],
      ['--user', 'users/ann.json', '--feed', 'welcome_codes=f.json'],
    ]) {
      const result = await runCli(['render', 'welcome.html', ...argv], dir);
      noCanary(result.stdout + result.stderr);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^mergetag: (u|f)\.json: is a symbolic link to a file outside the working directory: not read/);
    }
  });

  it('a users glob that names a folder outside the project itself still reads (the config chose it)', () => {
    const base = tempDir();
    mkdirSync(join(base, 'project'));
    mkdirSync(join(base, 'shared'));
    writeFileSync(join(base, 'shared', 'ann.json'), '{"firstName": "Ann"}');
    const { users, diagnostics } = loadUsers(join(base, 'project'), '../shared/*.json', 'id', (file) => file);
    expect(diagnostics).toEqual([]);
    expect([...users.keys()]).toEqual(['ann']);
  });

  it('RecordingStore reports the link and keeps the others', () => {
    const dir = welcomeCopy();
    symlinkSync(join(outside, 'rec.json'), join(dir, 'recordings', 'r.json'));
    const store = new RecordingStore(join(dir, 'recordings'), (file) => file, dir);
    expect(store.size).toBe(3);
    expect(store.diagnostics.map((d) => d.ruleId)).toEqual(['outside-project']);
  });
});

describe('a config that is a symbolic link out of its folder', () => {
  it('is refused by every command, showing nothing of the target', async () => {
    const outside = tempDir('mergetag-outside-');
    const secret = 'CANARY_CONFIG=0d9c8b7a6f5e';
    writeFileSync(join(outside, 'environ'), `${secret}\0HOME=/root\0`);
    const dir = welcomeCopy();
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'mergetag.config.json'));
    symlinkSync(join(outside, 'environ'), join(dir, 'mergetag.config.json'));
    for (const argv of [
      ['validate'],
      ['render', 'welcome.html', '--user', 'ann'],
      ['render', '--all', '--out', join(dir, 'out')],
      ['url', '--feed', 'welcome_codes', '--user', 'ann'],
      ['record', '--user', 'ann', '--yes'],
    ]) {
      const result = await runCli(argv, dir);
      expect(result.stdout + result.stderr, argv.join(' ')).not.toContain(secret);
      expect(result.stderr, argv.join(' ')).toContain('is a symbolic link to a file outside the project folder: not read');
      expect(result.code, argv.join(' ')).toBe(2);
    }
  });
});
