import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { FileExistsError, writeFileAtomic } from '../../src/io/atomic-write.js';
import { buildKnowledge } from '../../src/lint/knowledge.js';
import { lintText } from '../../src/lint/linter.js';
import { parseJson } from '../../src/values/json.js';
import { INIT_FILES } from '../../src/cli/commands/init.js';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

const FILES = ['mergetag.config.json', 'users/ann.json', 'welcome.html', '.github/workflows/mergetag.yml'];

describe('mergetag init', () => {
  it('writes a config, a sample user, a template and a CI workflow, and says what to do next', async () => {
    const dir = temp();
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const file of FILES) {
      expect(existsSync(join(dir, file))).toBe(true);
      expect(run.stdout).toContain(`wrote   ${file}`);
    }
    expect(run.stdout).toContain('mergetag lint');
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a config that loads, with $schema, secrets as ${ENV} references and one publication feed', async () => {
    const dir = temp();
    await runCli(['init'], { cwd: dir });
    const loaded = loadConfig(join(dir, 'mergetag.config.json'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const { config } = loaded.loaded;
    expect(config.$schema).toBe('./node_modules/mergetag/schema/mergetag.config.schema.json');
    expect(Object.keys(config.feeds)).toEqual(['welcome_codes']);
    expect(config.feeds.welcome_codes!.url).toMatch(
      /\/v1\/publications\/create\?customer\[source_id\]=\{\{#urlEncode\}\}\{\{\{source_id\}\}\}\{\{\/urlEncode\}\}/,
    );
    expect(config.feeds.welcome_codes!.headers).toEqual({ 'X-App-Id': '${VOUCHERIFY_APP_ID}', 'X-App-Token': '${VOUCHERIFY_APP_TOKEN}' });
    expect(config.templates).toMatchObject([{ path: 'welcome.html', feeds: ['welcome_codes'] }]);
  });

  it('writes a project the other commands accept: validate passes and the feed URL expands for the sample user', async () => {
    const dir = temp();
    await runCli(['init'], { cwd: dir });
    const validate = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(validate.stdout)).toMatchObject({ errorCount: 0 });
    const url = await runCli(['url', '--feed', 'welcome_codes', '--user', 'ann'], { cwd: dir });
    expect(url.code).toBe(0);
    expect(url.stdout).toBe('https://api.voucherify.io/v1/publications/create?customer[source_id]=ann%40example.com&campaign[name]=Welcome%20Codes\n');
  });

  it('writes a template that lints clean with every rule, knowing only the publication schema and the sample user', async () => {
    const dir = temp();
    await runCli(['init'], { cwd: dir });
    const config = JSON.parse(readFileSync(join(dir, 'mergetag.config.json'), 'utf8')) as { feeds: Record<string, { url: string; alias: string }> };
    const user = parseJson(readFileSync(join(dir, 'users/ann.json'), 'utf8'));
    if (!user.ok) throw new Error('the sample user is not JSON');
    const knowledge = buildKnowledge({
      feeds: Object.entries(config.feeds).map(([id, feed]) => ({ id, alias: feed.alias, url: feed.url, samples: [] })),
      users: [{ id: 'ann', profile: user.value }],
    });
    const result = lintText(readFileSync(join(dir, 'welcome.html'), 'utf8'), { knowledge, config: { preset: 'all' }, file: 'welcome.html' });
    expect(result.messages.map((m) => `${m.start.line}:${m.start.column} ${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  it('writes a project that mergetag lint finds clean (exit 0), with every rule on', async () => {
    const dir = temp();
    await runCli(['init'], { cwd: dir });
    const config = JSON.parse(readFileSync(join(dir, 'mergetag.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'all-rules.json'), JSON.stringify({ ...config, preset: 'all' }));
    for (const args of [['lint'], ['lint', '--config', 'all-rules.json']]) {
      const run = await runCli([...args, '--format', 'json'], { cwd: dir });
      const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>;
      expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId}: ${m.message}`))).toEqual([]);
      expect(run.code).toBe(0);
    }
  });

  it('writes a workflow that lints to SARIF and uploads it with security-events: write, also when lint fails', async () => {
    const dir = temp();
    await runCli(['init'], { cwd: dir });
    const workflow = readFileSync(join(dir, '.github/workflows/mergetag.yml'), 'utf8');
    expect(workflow).toContain('- run: npx mergetag lint --format sarif > mergetag.sarif\n        continue-on-error: true\n');
    expect(workflow).toContain('uses: github/codeql-action/upload-sarif@');
    expect(workflow).toMatch(/security-events: write/);
    expect(workflow).toContain('sarif_file: mergetag.sarif');
    // The job still fails on a finding, after the upload.
    expect(workflow.trimEnd().endsWith('- run: npx mergetag lint --format github')).toBe(true);
  });

  it('never overwrites: each existing file is reported and kept, the others are written (exit 0)', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'welcome.html'), 'mine');
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'welcome.html'), 'utf8')).toBe('mine');
    expect(run.stderr).toContain('skipped welcome.html: exists (never overwritten)');
    expect(existsSync(join(dir, 'mergetag.config.json'))).toBe(true);
  });

  it('exits 1 when nothing could be written, and reports each file in JSON', async () => {
    const dir = temp();
    await runCli(['init'], { cwd: dir });
    const again = await runCli(['init', '--format', 'json'], { cwd: dir });
    expect(again.code).toBe(1);
    const json = JSON.parse(again.stdout) as { exitCode: number; written: string[]; skipped: Array<{ file: string; reason: string }> };
    expect(json.exitCode).toBe(1);
    expect(json.written).toEqual([]);
    expect(json.skipped.map((s) => s.file)).toEqual(FILES);
    const text = await runCli(['init'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('nothing written');
  });

  it('writes into a DIR given, creating it', async () => {
    const dir = temp();
    const run = await runCli(['init', 'project'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'project/users/ann.json'))).toBe(true);
    expect(run.stdout).toContain('cd project');
  });

  it('reports a file it cannot write and still writes the rest', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    chmodSync(join(dir, 'users'), 0o500);
    try {
      const run = await runCli(['init'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/skipped users\/ann\.json: could not be written: EACCES/);
      expect(existsSync(join(dir, 'welcome.html'))).toBe(true);
    } finally {
      chmodSync(join(dir, 'users'), 0o700);
    }
  });
});

describe('writeFileAtomic exclusive', () => {
  it('never replaces an existing file, not even a dangling symbolic link, and leaves no temporary file', () => {
    const dir = temp();
    const file = join(dir, 'a.txt');
    writeFileAtomic(file, 'first', { exclusive: true });
    expect(() => writeFileAtomic(file, 'second', { exclusive: true })).toThrow(FileExistsError);
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['a.txt']);
    const link = join(dir, 'link.txt');
    symlinkSync(join(dir, 'nowhere.txt'), link);
    expect(() => writeFileAtomic(link, 'x', { exclusive: true })).toThrow(FileExistsError);
    expect(existsSync(join(dir, 'nowhere.txt'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'link.txt']);
  });
});

describe('the README', () => {
  it('shows the workflow init writes in "Lint in CI", as it writes it', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const shown = /#### Lint in CI\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(INIT_FILES.find((file) => file.path === '.github/workflows/mergetag.yml')!.text);
  });
});
