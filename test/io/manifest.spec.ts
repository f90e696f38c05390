/** io/manifest.ts: the `files` of a previous summary, read a chunk at a time, as JSON.parse would read them. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readManifestFiles } from '../../src/io/manifest.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders('all');
let folder: string | undefined;

/** What JSON.parse makes of the text: the strings of its top-level `files` array, or nothing. */
function expected(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  const files = (parsed as { files?: unknown }).files;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

function read(text: string | Buffer, chunk?: number, keep: (name: string) => boolean = () => true): string[] {
  folder ??= temp();
  const file = join(folder, 'summary.json');
  writeFileSync(file, text);
  return readManifestFiles(file, keep, chunk);
}

describe('readManifestFiles', () => {
  it('reads the files of a summary, keeping only those asked for', () => {
    const text = JSON.stringify(
      { cases: [{ output: 't/a.html', files: ['x'] }], counts: { rendered: 2 }, notes: [], files: ['t/a.html', 't/b.html'] },
      null,
      2,
    );
    expect(read(text)).toEqual(['t/a.html', 't/b.html']);
    expect(read(text, 3, (name) => name !== 't/a.html')).toEqual(['t/b.html']);
  });

  it('reads nothing from a missing file, broken JSON or a value that is not an object', () => {
    expect(readManifestFiles(join(temp(), 'missing.json'), () => true)).toEqual([]);
    for (const text of [
      '',
      '{',
      '{"files": ["a"],}',
      '[{"files": ["a"]}]',
      '{"files": ["a"]} x',
      '{"files": ["a"]}{}',
      '\ufeff{"files": ["a"]}',
      '{"files": ["a" "b"]}',
      '{"files": [01]}',
    ]) {
      expect(read(text), text).toEqual([]);
    }
  });

  it('decodes escapes and UTF-8 as JSON.parse does', () => {
    const text = '{"files": ["caf\\u00e9/\\"q\\".html", "na\u00efve/\ud83d\ude00.html", "a\\/b"]}';
    expect(read(text, 2)).toEqual(expected(text));
    expect(read(text)).toEqual(['café/"q".html', 'naïve/😀.html', 'a/b']);
  });

  it('agrees with JSON.parse on any JSON text and on texts cut or changed, whatever the chunk size', () => {
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.constantFrom('files', 'cases', 'a.html', 't/x.html'),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('files', 'cases', 'x', '\\'), tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    const manifest = fc.record({ cases: fc.array(value, { maxLength: 3 }), files: fc.array(fc.oneof(fc.string({ unit: 'binary' }), value), { maxLength: 5 }) });
    const text = fc.oneof(
      manifest.map((m) => JSON.stringify(m)),
      manifest.map((m) => JSON.stringify(m, null, 2)),
      value.map((v) => JSON.stringify(v) ?? ''),
      // Cut, or with one character changed: mostly broken JSON, sometimes other valid JSON.
      fc.tuple(manifest, fc.nat(), fc.constantFrom('', ',', '"', '\\', ']', '}', '1', ' ', 'e', '-', 'x')).map(([m, at, insert]) => {
        const whole = JSON.stringify(m);
        const cut = at % (whole.length + 1);
        return whole.slice(0, cut) + insert + whole.slice(cut + 1);
      }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 16 }), (json, chunk) => {
        // As the file holds it: a lone surrogate is written as U+FFFD.
        expect(read(json, chunk)).toEqual(expected(Buffer.from(json).toString()));
      }),
      { numRuns: 500 },
    );
  });
});
