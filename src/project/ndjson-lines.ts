/**
 * The lines of an NDJSON file, read a chunk at a time: opening a project of 100,000 users never holds the
 * whole file, or all its lines, in memory. Each line comes with its number (1-based, blank lines counted) and
 * its place in the file as bytes, which is how a profile is found again when it renders.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface NdjsonLine {
  /** The line's text, without its `\n` (a `\r` before it stays, as JSON whitespace). */
  text: string;
  line: number;
  byteOffset: number;
  byteLength: number;
}

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** Every non-blank line of the file, in order. */
export function* ndjsonLines(file: string): Generator<NdjsonLine> {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    /** Bytes of the buffer not yet returned as lines (a line cut by the chunk's end), and their file offset. */
    let kept = 0;
    let keptOffset = 0;
    let line = 0;
    for (;;) {
      if (kept === buffer.length) {
        // A line longer than the buffer: make room for it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, kept, buffer.length - kept, keptOffset + kept);
      const end = kept + read;
      const filled = buffer.subarray(0, end);
      let start = 0;
      for (let newline = filled.indexOf(NEWLINE); newline !== -1; newline = filled.indexOf(NEWLINE, start)) {
        line++;
        const text = buffer.toString('utf8', start, newline);
        if (text.trim()) yield { text, line, byteOffset: keptOffset + start, byteLength: newline - start };
        start = newline + 1;
      }
      if (read === 0) {
        // The end of the file: a last line without a newline.
        if (start < end) {
          const text = buffer.toString('utf8', start, end);
          if (text.trim()) yield { text, line: line + 1, byteOffset: keptOffset + start, byteLength: end - start };
        }
        return;
      }
      buffer.copy(buffer, 0, start, end);
      keptOffset += start;
      kept = end - start;
    }
  } finally {
    closeSync(fd);
  }
}
