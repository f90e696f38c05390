/**
 * A folder that a command fills with generated files (`render --all --out DIR`). It only ever touches files it
 * wrote: paths are relative and must stay inside the folder; the files of the previous run (the `files` list of
 * its manifest, e.g. summary.json) that this run does not write again are removed at the end, and so are the
 * temporary files of a run that was killed. Each file is replaced atomically; the whole run is flushed to disk
 * once, at `finish()`, not once per file.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { removeStaleTempFiles, syncPaths, writeFileAtomic } from './atomic-write.js';

export class OutputFolder {
  /** What this run wrote, relative to the folder with `/` separators, in order. */
  readonly written: string[] = [];
  private readonly folders = new Set<string>();
  private readonly previous: string[];

  private constructor(
    readonly dir: string,
    manifest: string,
  ) {
    mkdirSync(dir, { recursive: true });
    this.folders.add(dir);
    removeStaleTempFiles(dir, true);
    this.previous = readManifest(join(dir, manifest));
  }

  /** `manifest`: the file (in the folder) whose `files` list names what the previous run wrote. */
  static open(dir: string, manifest: string): OutputFolder {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
    return new OutputFolder(resolve(dir), manifest);
  }

  /** The absolute path of a relative one; a path that would leave the folder is a bug in the caller. */
  path(relative: string): string {
    const file = resolve(this.dir, ...relative.split('/'));
    if (!file.startsWith(this.dir + sep)) throw new Error(`output path ${JSON.stringify(relative)} leaves ${this.dir}`);
    return file;
  }

  write(relative: string, text: string): void {
    const file = this.path(relative);
    const folder = dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeFileAtomic(file, text, { durable: false });
    this.written.push(relative);
  }

  /** Removes the previous run's files that this run did not write, and flushes the folders; returns the removed. */
  finish(): string[] {
    const kept = new Set(this.written);
    const removed: string[] = [];
    for (const relative of this.previous) {
      if (kept.has(relative)) continue;
      let file: string;
      try {
        file = this.path(relative);
        if (!statSync(file).isFile()) continue;
        rmSync(file);
        removed.push(relative);
      } catch {
        // outside the folder (not ours), or already gone
      }
    }
    syncPaths(this.folders);
    return removed;
  }
}

/** The `files` a previous run listed (nothing when there is no manifest, or it is not one of ours). */
function readManifest(file: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    return Array.isArray(manifest.files) ? manifest.files.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}
