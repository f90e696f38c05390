/**
 * Writing a command's output to a path the user named (`--out FILE`) the way a shell redirect would, without its
 * surprises: a regular file (or a new one) is replaced atomically; a FIFO or a character device (`/dev/null`,
 * `/dev/stdout`) is opened and written, never replaced by a file; a symlink is followed to its target, never
 * replaced; anything else is refused.
 */
import { closeSync, lstatSync, openSync, realpathSync, writeSync, type Stats } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';
import { OutputTargetError } from './output-target-error.js';

export { OutputTargetError } from './output-target-error.js';

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `shown` names the path in messages. */
export function writeOutput(path: string, data: string, shown = path): void {
  let target = path;
  let stats = lstatOrUndefined(target);
  if (stats?.isSymbolicLink()) {
    try {
      target = realpathSync(path);
    } catch {
      throw new OutputTargetError(`${shown}: a symlink to a file that does not exist; mergetag does not replace a symlink`);
    }
    stats = lstatOrUndefined(target);
  }
  if (stats === undefined || stats.isFile()) {
    writeFileAtomic(target, data);
    return;
  }
  if (stats.isFIFO() || stats.isCharacterDevice()) {
    writeInPlace(target, data);
    return;
  }
  const what = stats.isDirectory() ? 'a directory' : stats.isSocket() ? 'a socket' : stats.isBlockDevice() ? 'a block device' : 'not a regular file';
  throw new OutputTargetError(`${shown}: is ${what}; --out FILE writes a file, a FIFO or a character device`);
}

function writeInPlace(path: string, data: string): void {
  const bytes = Buffer.from(data, 'utf8');
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}
