/**
 * The conformance corpus travels with the repository: the suites read test/fixtures/conformance/handlebars-java,
 * a missing file fails instead of skipping, and the copy stays identical to the shared corpus it came from.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from './corpus.js';
import { REPO_CORPUS_DIR, copyCorpus, corpusDir, corpusFiles, sharedCorpusDir } from './corpus-location.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mergetag-corpus-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The case counts the corpus README's table states, by file. */
function readmeCounts(): Record<string, number> {
  const readme = readFileSync(join(REPO_CORPUS_DIR, 'README.md'), 'utf8');
  return Object.fromEntries([...readme.matchAll(/^\| `([\w-]+\.jsonl)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]));
}

describe('the repository copy of the Handlebars.java corpus', () => {
  it('is where the suites read, unless MERGETAG_CONFORMANCE_DIR says otherwise', () => {
    vi.stubEnv('MERGETAG_CONFORMANCE_DIR', '');
    expect(corpusDir()).toBe(REPO_CORPUS_DIR);
    expect(REPO_CORPUS_DIR.startsWith(repoRoot)).toBe(true);
  });

  it('holds every file with as many cases as its README states (fuzz-classes.jsonl only kept, for issue 11)', () => {
    vi.stubEnv('MERGETAG_CONFORMANCE_DIR', '');
    expect(corpusFiles(REPO_CORPUS_DIR)).toEqual(['README.md', 'core.jsonl', 'fuzz-classes.jsonl', 'helpers.jsonl']);
    const counts = readmeCounts();
    expect(counts).toEqual({ 'core.jsonl': 285, 'helpers.jsonl': 246, 'fuzz-classes.jsonl': 55 });
    for (const [file, count] of Object.entries(counts)) expect(loadCorpus(file), file).toHaveLength(count);
  });

  it('a missing corpus file is an error that says where the corpus should be, not an empty suite', () => {
    vi.stubEnv('MERGETAG_CONFORMANCE_DIR', tempDir());
    expect(() => loadCorpus('core.jsonl')).toThrow(/core\.jsonl is missing\. The repository ships it in test\/fixtures\/conformance/);
  });

  it('is identical to the shared corpus beside the repository (npm run corpus:refresh)', (context) => {
    const shared = sharedCorpusDir();
    if (!existsSync(shared)) context.skip(`${shared} is absent (a clone without ../shared): nothing to compare the copy with`);
    expect(corpusFiles(REPO_CORPUS_DIR)).toEqual(corpusFiles(shared));
    for (const name of corpusFiles(shared)) {
      expect(readFileSync(join(REPO_CORPUS_DIR, name), 'utf8'), `${name} differs: run npm run corpus:refresh`).toBe(readFileSync(join(shared, name), 'utf8'));
    }
  });
});

describe('refreshing the copy', () => {
  it('copies the corpus files over read-only ones, drops files the corpus no longer has, and leaves others alone', () => {
    const from = tempDir();
    const to = tempDir();
    writeFileSync(join(from, 'core.jsonl'), '{"id":"new"}\n');
    writeFileSync(join(from, 'README.md'), '# corpus\n');
    writeFileSync(join(from, 'notes.txt'), 'not part of the corpus');
    writeFileSync(join(to, 'core.jsonl'), '{"id":"old"}\n');
    chmodSync(join(to, 'core.jsonl'), 0o444);
    writeFileSync(join(to, 'gone.jsonl'), '{"id":"gone"}\n');
    writeFileSync(join(to, 'keep.txt'), 'mine');

    expect(copyCorpus(from, to)).toEqual({ copied: ['README.md', 'core.jsonl'], removed: ['gone.jsonl'] });
    expect(readFileSync(join(to, 'core.jsonl'), 'utf8')).toBe('{"id":"new"}\n');
    expect(existsSync(join(to, 'gone.jsonl'))).toBe(false);
    expect(existsSync(join(to, 'notes.txt'))).toBe(false);
    expect(readFileSync(join(to, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a folder without corpus files instead of emptying the copy', () => {
    const from = tempDir();
    const to = tempDir();
    writeFileSync(join(from, 'README.md'), '# not a corpus\n');
    writeFileSync(join(to, 'core.jsonl'), '{"id":"kept"}\n');
    expect(() => copyCorpus(from, to)).toThrow(`${from} holds no corpus (.jsonl) files`);
    expect(readFileSync(join(to, 'core.jsonl'), 'utf8')).toBe('{"id":"kept"}\n');
  });

  it('refuses to copy a folder onto itself', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'core.jsonl'), '{"id":"x"}\n');
    expect(() => copyCorpus(dir, dir)).toThrow(/from itself/);
    expect(readFileSync(join(dir, 'core.jsonl'), 'utf8')).toBe('{"id":"x"}\n');
  });

  it('npm run corpus:refresh without the shared folder says where it looked and exits 2, leaving the copy alone', () => {
    const missing = join(tempDir(), 'no-such-corpus');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/refresh-corpus.ts'], {
      cwd: repoRoot,
      env: { ...process.env, MERGETAG_SHARED_CONFORMANCE_DIR: missing },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${missing} does not exist`);
    expect(run.stderr).toContain("The repository's copy is unchanged");
  });
});
