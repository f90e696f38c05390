/**
 * Where the Handlebars.java conformance corpus lives. The repository keeps its own copy under test/fixtures, so
 * that every clone runs it; the copy is refreshed (`npm run corpus:refresh`) from the shared folder beside the
 * repository, where the corpus is produced, when that folder exists.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The repository's copy, which the conformance suites read. */
export const REPO_CORPUS_DIR = resolve(repoRoot, 'test/fixtures/conformance/handlebars-java');

/** Where the suites read the corpus: $MERGETAG_CONFORMANCE_DIR (to try another corpus), else the repository's copy. */
export function corpusDir(): string {
  return process.env.MERGETAG_CONFORMANCE_DIR || REPO_CORPUS_DIR;
}

/** The corpus as produced: $MERGETAG_SHARED_CONFORMANCE_DIR, else ../shared/conformance/handlebars-java beside the repository. */
export function sharedCorpusDir(): string {
  return process.env.MERGETAG_SHARED_CONFORMANCE_DIR || resolve(repoRoot, '../shared/conformance/handlebars-java');
}

/** The files that make up a corpus folder: its case files and the README that says how to run them. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl') || name === 'README.md')
    .sort();
}

/**
 * Makes `to` hold exactly the corpus files of `from`. Files are replaced, not written through: the shared folder
 * is read-only, and a copy keeps its mode, so an earlier copy may be read-only too.
 */
export function copyCorpus(from: string, to: string): { copied: string[]; removed: string[] } {
  if (resolve(from) === resolve(to)) throw new Error(`cannot refresh the corpus from itself (${to})`);
  const copied = corpusFiles(from);
  // A wrong folder would otherwise empty the repository's copy.
  if (!copied.some((name) => name.endsWith('.jsonl'))) throw new Error(`${from} holds no corpus (.jsonl) files`);
  mkdirSync(to, { recursive: true });
  const removed = corpusFiles(to).filter((name) => !copied.includes(name));
  for (const name of removed) rmSync(join(to, name), { force: true });
  for (const name of copied) {
    rmSync(join(to, name), { force: true });
    copyFileSync(join(from, name), join(to, name));
    chmodSync(join(to, name), 0o644);
  }
  return { copied, removed };
}
