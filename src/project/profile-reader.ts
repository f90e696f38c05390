/**
 * Reads user profiles when a render asks for them, one at a time: the last profile is kept (a user's cases,
 * templates × variants, read it once), no other. NDJSON lines are read through a window of the file (256 KB of
 * bytes read ahead, parsed only when asked for), so the users of `render --all`, who come in file order, cost
 * one read per window, not one per user.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { parseJson } from '../values/json.js';
import type { Value } from '../values/types.js';

/** Where a profile is in its file: the whole file, or the bytes of one NDJSON line. */
export type ProfilePlace = { whole: true } | { whole: false; byteOffset: number; byteLength: number };

/** What names a profile in the error for a file that changed: its file, and its line in an NDJSON file. */
export interface ProfileOwner {
  file: string;
  line?: number;
}

export const READ_AHEAD = 256 * 1024;

export class ProfileReader {
  private last: { owner: ProfileOwner; value: Value } | undefined;
  private window: { file: string; offset: number; bytes: Buffer; length: number } | undefined;

  read(owner: ProfileOwner, place: ProfilePlace): Value {
    if (this.last?.owner === owner) return this.last.value;
    const text = place.whole ? readFileSync(owner.file, 'utf8') : this.bytes(owner.file, place.byteOffset, place.byteLength);
    const parsed = parseJson(text);
    // It was checked when the project was opened: the file changed since.
    if (!parsed.ok) throw new Error(`${owner.file}${owner.line ? `:${owner.line}` : ''}: the user profile changed while mergetag was running`);
    this.last = { owner, value: parsed.value };
    return parsed.value;
  }

  private bytes(file: string, offset: number, length: number): string {
    let window = this.window;
    if (!window || window.file !== file || offset < window.offset || offset + length > window.offset + window.length) {
      const bytes = window && window.bytes.length >= length ? window.bytes : Buffer.allocUnsafe(Math.max(READ_AHEAD, length));
      window = { file, offset, bytes, length: readAt(file, bytes, offset) };
      this.window = window;
    }
    const start = offset - window.offset;
    return window.bytes.toString('utf8', start, Math.min(start + length, window.length));
  }
}

/** Fills `buffer` from `offset` of the file, as far as the file goes; returns how many bytes were read. */
function readAt(file: string, buffer: Buffer, offset: number): number {
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return read;
  } finally {
    closeSync(fd);
  }
}
