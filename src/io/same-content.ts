/**
 * Whether a file already holds exactly some bytes: a regular file of its own (not a symbolic link, not one of
 * several hard links to the same data) of that size and content. `render --all` leaves such a file as it is
 * instead of replacing it with an equal copy (io/output-folder.ts). io/background-writer.ts runs the same test on
 * its thread, in its own copy of this code.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, writeSync } from 'node:fs';

/** A buffer that grows to the largest file compared, kept between calls. */
export interface Scratch {
  buffer: Buffer;
}

/** Opening never follows a symbolic link (where the platform can say so; elsewhere lstat checks first). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export function holdsExactly(file: string, bytes: Uint8Array, scratch: Scratch): boolean {
  let fd: number;
  try {
    if (NO_FOLLOW === 0 && !lstatSync(file).isFile()) return false;
    fd = openSync(file, constants.O_RDONLY | NO_FOLLOW);
  } catch {
    return false; // missing, a link, or unreadable: written anew
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.nlink !== 1 || stats.size !== bytes.length) return false;
    if (scratch.buffer.length < bytes.length) scratch.buffer = Buffer.allocUnsafe(bytes.length);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, scratch.buffer, read, bytes.length - read, read);
      if (n === 0) return false;
      read += n;
    }
    return scratch.buffer.compare(bytes, 0, bytes.length, 0, bytes.length) === 0;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates `path` (it must not exist) with `bytes`, unless the file `same` already holds exactly them: true when
 * it does, and nothing was written.
 */
export function writeUnlessSame(path: string, bytes: Uint8Array, same: string | undefined, scratch: Scratch): boolean {
  if (same !== undefined && holdsExactly(same, bytes, scratch)) return true;
  const fd = openSync(path, 'wx', 0o644);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
  return false;
}
