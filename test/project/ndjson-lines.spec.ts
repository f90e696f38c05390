/**
 * ndjsonLines reads an NDJSON file a chunk at a time: every non-blank line, its number as split('\n') counts it,
 * and its place as bytes, which is how the profile is read again when it renders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ndjsonLines } from '../../src/project/ndjson-lines.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders('all');

/** What reading the whole file and splitting it says: non-blank lines with their numbers. */
function expected(text: string): { text: string; line: number }[] {
  return text
    .split('\n')
    .map((line, index) => ({ text: line, line: index + 1 }))
    .filter(({ text: line }) => line.trim() !== '');
}

describe('ndjsonLines', () => {
  it('yields the lines split() finds, each with the bytes it has in the file', () => {
    const dir = temp();
    let run = 0;
    // Characters of one to four UTF-8 bytes, line-ish whitespace, and JSON punctuation.
    const unit = fc.constantFrom('a', '7', 'ä', '€', '😀', '\r', ' ', '\t', '{', '"', ':', '\ufeff', '\u2028');
    const line = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.constantFrom('', ' ', '\r', '{"id": "ä😀"}\r'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, finalNewline) => {
        const text = lines.join('\n') + (finalNewline ? '\n' : '');
        const file = join(dir, `users-${run++}.ndjson`); // a new file each time: rewriting one waits for the disk
        writeFileSync(file, text);
        const bytes = readFileSync(file);
        const found = [...ndjsonLines(file)];
        expect(found.map(({ text: t, line: n }) => ({ text: t, line: n }))).toEqual(expected(bytes.toString('utf8')));
        for (const entry of found) expect(bytes.toString('utf8', entry.byteOffset, entry.byteOffset + entry.byteLength)).toBe(entry.text);
      }),
      { numRuns: 40 },
    );
  });

  it('reads lines longer than its chunk, and lines cut by a chunk boundary', () => {
    const file = join(temp(), 'big.ndjson');
    const long = `{"id": "a", "pad": "${'x'.repeat(3 << 20)}"}`;
    const short = Array.from({ length: 30_000 }, (_, i) => `{"id": "u${i}"}`).join('\n');
    writeFileSync(file, `${short}\n${long}\n\n${short}`);
    const found = [...ndjsonLines(file)];
    expect(found).toHaveLength(60_001);
    expect(found[30_000]!.text).toBe(long);
    expect(found[30_000]!.line).toBe(30_001);
    expect(found[30_001]!.line).toBe(30_003);
    const bytes = readFileSync(file);
    for (const entry of [found[0]!, found[29_999]!, found[30_000]!, found[45_000]!, found[60_000]!]) {
      expect(bytes.toString('utf8', entry.byteOffset, entry.byteOffset + entry.byteLength)).toBe(entry.text);
    }
  });
});
