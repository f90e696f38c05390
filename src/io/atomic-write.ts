/**
 * Writes a file so that readers see either the old content or the new, never a partial file: the data goes to a
 * temporary file in the same directory (same filesystem), is flushed, then renamed over the target. Temporary
 * files are named `.<name>.<pid>.<hex>.tmp`; a run that was killed leaves them behind, and the next run removes
 * them with `removeStaleTempFiles`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, opendirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary file names this module makes (and only those). */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

export interface AtomicWriteOptions {
  /**
   * Flush the data to disk before the rename (default true). A batch of writes passes false and calls
   * `syncPaths` once at the end instead of paying one fsync per file.
   */
  durable?: boolean;
  /**
   * Never replace an existing file: the complete temporary file is hard-linked to the target, which fails with
   * EEXIST when the target exists, even one created a moment earlier by someone else (`mergetag init`). On file
   * systems without hard links, the target is checked just before the rename instead.
   */
  exclusive?: boolean;
}

/** `writeFileAtomic(path, data, {exclusive: true})` found the target already there: nothing was written. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';

  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = 'FileExistsError';
  }
}

/** The temporary file beside `path` that this process writes, marked with `tag` (8 hex digits). */
export function tempPathFor(path: string, tag: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tag}.tmp`);
}

/** A tag for temporary names: 8 random hex digits. */
export function randomTag(): string {
  return randomBytes(4).toString('hex');
}

function tempPath(path: string): string {
  return tempPathFor(path, randomTag());
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // the temporary file was never created, or is already gone
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = tempPath(path);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (options.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.exclusive) publishExclusive(temp, path);
    else renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temp);
    throw error;
  }
}

function publishExclusive(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (existsSync(path)) throw new FileExistsError(path);
    renameSync(temp, path);
    return;
  }
  removeQuietly(temp);
}

/**
 * A file written in pieces as they come (a summary row by row) that appears whole, atomically, at `commit()`.
 * With `bufferBytes`, pieces are gathered and written that many bytes at a time: each write of a file costs a
 * system call and, on ext4, an update of its inode (about 12 µs a piece on a busy disk: a quarter of a
 * render --all run of 100,000 cases that changed nothing). Without it, each piece is in the file on return.
 */
export class AtomicFileStream {
  private readonly temp: string;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    readonly path: string,
    private readonly bufferBytes = 0,
  ) {
    this.temp = tempPath(path);
    this.fd = openSync(this.temp, 'wx', 0o644);
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error('the file is already committed or aborted');
    if (this.bufferBytes === 0) {
      writeAll(this.fd, Buffer.from(text, 'utf8'));
      return;
    }
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= this.bufferBytes) this.writePending();
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    writeAll(this.fd!, Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Flushes the file, renames it into place and flushes its folder: on return it is on disk, whole. */
  commit(): void {
    if (this.fd === undefined) throw new Error('the file is already committed or aborted');
    this.writePending();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temp, this.path);
    syncPaths([dirname(this.path)]);
  }

  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    removeQuietly(this.temp);
  }
}

/** Flushes files or folders (a folder: the renames in it) written with `durable: false`. */
export function syncPaths(paths: Iterable<string>): void {
  for (const path of paths) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      fsyncSync(fd);
    } catch {
      // a folder that cannot be opened for fsync on this platform: the rename is still atomic
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/**
 * Removes the temporary files a killed run left in `dir` (and its subfolders with `recursive`); returns them.
 * Only names this module makes are touched, and never those of a process that is still running.
 */
export function removeStaleTempFiles(dir: string, recursive = false): string[] {
  let folder;
  try {
    // Read entry by entry: an output folder of 100,000 messages is never listed in memory at once.
    folder = opendirSync(dir, { recursive });
  } catch {
    return [];
  }
  const removed: string[] = [];
  const next = () => {
    try {
      return folder.readSync();
    } catch {
      return null; // a subfolder that cannot be read: its files are not ours to judge
    }
  };
  try {
    for (let entry = next(); entry !== null; entry = next()) {
      if (!entry.isFile() || !TEMP_FILE.test(entry.name)) continue;
      const pid = Number(/\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.name)![1]);
      if (pid !== process.pid && isRunning(pid)) continue;
      const file = join(entry.parentPath, entry.name);
      removeQuietly(file);
      removed.push(file);
    }
  } finally {
    folder.closeSync();
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
