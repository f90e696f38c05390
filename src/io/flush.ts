/**
 * Making a batch of files durable once, after all of them were written without fsync (`render --all`). An fsync
 * per file waits for its own journal commit and disk cache flush (milliseconds on most disks, 1 to 6 ms on the
 * CI machine): at thousands of messages a second that would cost more than rendering them, whether each file is
 * flushed as it is written or all of them one after another at the end.
 *
 * On Linux one syncfs(2) of the file system that holds the batch writes every dirty page out and commits the
 * journal once; Node has no binding for it, so it runs coreutils' `sync -f FOLDER`, which is that call.
 * Elsewhere, when `sync -f` is missing (busybox, distroless images) or fails, and for small batches (cheaper than
 * starting a process, and never waiting for other programs' writes to the same disk), each file is flushed with
 * fsync.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Batches up to this many files are flushed file by file. */
export const FSYNC_EACH_UP_TO = 64;

/** Flushes the whole file system that holds `folder`; false when that could not be done. */
export type FileSystemSync = (folder: string) => boolean;

/** syncfs(2) through `sync -f` (coreutils 8.24, 2015, and later), on Linux only. */
export const syncFileSystem: FileSystemSync = (folder) => {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('sync', ['-f', folder], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** How files were made durable: one flush of the file system, or an fsync of each file. */
export type FlushMethod = 'file-system' | 'each-file';

/**
 * Flushes the data of files written without fsync, all held under `root` (one file system): `files` is read
 * only when they are flushed one by one.
 */
export function flushFiles(root: string, files: () => Iterable<string>, count: number, syncAll: FileSystemSync = syncFileSystem): FlushMethod {
  if (count > FSYNC_EACH_UP_TO && syncAll(root)) return 'file-system';
  for (const file of files()) fsyncPath(file, 'r+');
  return 'each-file';
}

/**
 * fsync of a file (opened for writing: Windows flushes only then) or a folder (opened for reading; a platform
 * that cannot open folders keeps the renames atomic, if not yet on disk).
 */
export function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch {
    // removed since, or a folder this platform does not open
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
