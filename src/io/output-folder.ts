/**
 * A folder that a command fills with generated files (`render --all --out DIR`). It only ever touches files it
 * wrote: paths are relative and must stay inside the folder; the files of the previous run (the `files` list of
 * its manifest, e.g. summary.json) that this run does not write again are removed at the end, and so are the
 * temporary files of a run that was killed.
 *
 * Files are written in two steps, so that the run is flushed to disk once and every file is still replaced
 * atomically. `write()` puts the content in a temporary file beside its target (`.<name>.<pid>.<tag>.tmp`, one
 * tag per run), without an fsync. `finish()` makes all of them durable at once (io/flush.ts), renames each over
 * its target, removes the previous run's leftovers and flushes the folders. Renaming after the flush is what
 * keeps a second run fast: ext4 writes a file's data out before it replaces an existing one
 * (`auto_da_alloc`), which, rename after rename, costs about an fsync each; data already on disk costs nothing.
 * Readers see the previous files until `finish()`, then the new ones; a killed run leaves the previous files
 * as they were, and temporary files that the next run removes.
 *
 * A target that already holds exactly the new content (a regular file of its own: not a symbolic link, not one
 * of several hard links) is left as it is: no temporary file, no rename (io/same-content.ts). Readers cannot
 * tell the difference, but the file system can: creating a file beside 100,000 others and renaming it over
 * one costs 100 to 300 µs on ext4 (the old file's blocks are freed and the journal written), comparing a few
 * kilobytes already in the page cache about 10 µs. A run that changes nothing rewrites nothing, and the
 * modification times say which messages changed. It is still flushed at `finish()` (another program may have
 * written it without a flush) and listed in `written`.
 *
 * Memory is a few dozen bytes per file (its name), never its content: a run of 100,000 messages streams through.
 * The previous run's manifest is read at `finish()`, a chunk at a time (io/manifest.ts), keeping only the files
 * this run did not write: neither its list nor its rows are held while the run renders.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { randomTag, removeStaleTempFiles, tempPathFor } from './atomic-write.js';
import { BackgroundWriter } from './background-writer.js';
import { flushFiles, fsyncPath, syncFileSystem, type FileSystemSync, type FlushMethod } from './flush.js';
import { readManifestFiles } from './manifest.js';
import { writeUnlessSame, type Scratch } from './same-content.js';

export interface OutputFolderOptions {
  /** How many files the run will write, about: a large run creates them on a second thread. */
  expectedFiles?: number;
  /** How the file system is flushed at `finish()` (tests pass their own). */
  syncFileSystem?: FileSystemSync;
}

/**
 * From this many files, they are created by a worker thread (io/background-writer.ts) while the main thread
 * renders; below, starting the thread would cost more than it saves.
 */
export const BACKGROUND_FROM = 256;

export class OutputFolder {
  /** What this run wrote, relative to the folder with `/` separators, in order. */
  readonly written: string[] = [];
  private readonly folders = new Set<string>();
  private readonly syncFileSystem: FileSystemSync;
  /** Marks this run's temporary files. */
  private readonly tag = randomTag();
  private readonly writer: BackgroundWriter | undefined;
  /** Without the writer thread: the indexes (in `written`) of files left as they were. */
  private readonly kept = new Set<number>();
  private readonly scratch: Scratch = { buffer: Buffer.alloc(0) };
  /** How `finish()` flushed the files. */
  flushed: FlushMethod | undefined;

  private constructor(
    readonly dir: string,
    /** The previous run's manifest, read at `finish()`. */
    private readonly manifest: string,
    options: OutputFolderOptions,
  ) {
    mkdirSync(dir, { recursive: true });
    this.folders.add(dir);
    removeStaleTempFiles(dir, true);
    this.syncFileSystem = options.syncFileSystem ?? syncFileSystem;
    const expected = options.expectedFiles ?? 0;
    if (expected >= BACKGROUND_FROM) this.writer = new BackgroundWriter(expected);
  }

  /** `manifest`: the file (in the folder) whose `files` list names what the previous run wrote. */
  static open(dir: string, manifest: string, options: OutputFolderOptions = {}): OutputFolder {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
    return new OutputFolder(resolve(dir), manifest, options);
  }

  /** Whether files are created on a second thread (a large run): `write()` returns before they are on disk. */
  get inBackground(): boolean {
    return this.writer !== undefined;
  }

  /** The absolute path of a relative one; a path that would leave the folder is a bug in the caller. */
  path(relative: string): string {
    const file = resolve(this.dir, ...relative.split('/'));
    if (!file.startsWith(this.dir + sep)) throw new Error(`output path ${JSON.stringify(relative)} leaves ${this.dir}`);
    return file;
  }

  /** The absolute path of a relative one that `path()` accepted. */
  private absolute(relative: string): string {
    return this.dir + sep + (sep === '/' ? relative : relative.split('/').join(sep));
  }

  /** Where a file's content waits for `finish()`. */
  private temporary(file: string): string {
    return tempPathFor(file, this.tag);
  }

  /**
   * Writes a file's content beside it; the file itself is replaced at `finish()`. A file that already holds
   * exactly this content (a regular file of its own) is left as it is. Each path once per run.
   */
  write(relative: string, text: string): void {
    const file = this.path(relative);
    const folder = dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const index = this.written.length;
    if (this.writer) this.writer.write(this.temporary(file), text, { same: file, mark: index });
    else if (writeUnlessSame(this.temporary(file), Buffer.from(text, 'utf8'), file, this.scratch)) this.kept.add(index);
    this.written.push(relative);
  }

  /** The `written` file at `index` already held its content: it was left as it was, not staged. */
  private unchanged(index: number): boolean {
    return this.writer ? this.writer.marked(index) : this.kept.has(index);
  }

  /**
   * Flushes every file written to disk, once; renames each into place; removes the previous run's files that
   * this run did not write; flushes the folders. Returns the removed files. When it returns, the run is durable.
   */
  finish(): string[] {
    if (this.writer) {
      this.writer.drain();
      this.writer.close();
    }
    // A file left as it was is flushed too: another program may have written it without a flush.
    this.flushed = flushFiles(
      this.dir,
      () => this.written.map((relative, index) => (this.unchanged(index) ? this.absolute(relative) : this.temporary(this.absolute(relative)))),
      this.written.length,
      this.syncFileSystem,
    );
    this.written.forEach((relative, index) => {
      if (this.unchanged(index)) return;
      const file = this.absolute(relative);
      renameSync(this.temporary(file), file);
    });
    // The previous run's files that this run did not write: read from its manifest now, as a stream, so that a
    // run never holds the previous one's list (nor its summary rows) while it renders.
    const written = new Set(this.written);
    const stale = readManifestFiles(join(this.dir, this.manifest), (relative) => !written.has(relative));
    const removed: string[] = [];
    for (const relative of stale) {
      let file: string;
      try {
        file = this.path(relative);
        if (!statSync(file).isFile()) continue;
        rmSync(file);
        removed.push(relative);
        this.folders.add(dirname(file));
      } catch {
        // outside the folder (not ours), or already gone
      }
    }
    // The renames and removals: one fsync per folder (a journal commit each, a handful per run).
    for (const folder of this.folders) fsyncPath(folder, 'r');
    return removed;
  }

  /** Gives up a run that failed: stops the writer thread; the temporary files are the next run's to remove. */
  close(): void {
    this.writer?.close();
  }
}
