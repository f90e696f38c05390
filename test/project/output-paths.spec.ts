import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseOutputPath, decodeSegment, encodeSegment, findCollisions, MAX_NAME } from '../../src/project/output-paths.js';

const SAFE_NAME = /^[A-Za-z0-9_.@+%~-]+$/;

describe('encodeSegment', () => {
  it('percent-encodes separators, dots that climb, NUL and control characters', () => {
    expect(encodeSegment('../../t')).toBe('%2E.%2F..%2Ft');
    expect(encodeSegment('..')).toBe('%2E%2E');
    expect(encodeSegment('a\\b')).toBe('a%5Cb');
    expect(encodeSegment('nul\u0000\u001b[31m')).toBe('nul%00%1B%5B31m');
    expect(encodeSegment('.hidden')).toBe('%2Ehidden');
    expect(encodeSegment('ann+vip@example.com')).toBe('ann+vip@example.com');
    expect(encodeSegment('Seán')).toBe('Se%C3%A1n');
    expect(encodeSegment('100%')).toBe('100%25');
  });

  it('encodes Windows device names and a trailing dot', () => {
    expect(encodeSegment('CON')).toBe('%43ON');
    expect(encodeSegment('nul.txt')).toBe('%6Eul.txt');
    expect(encodeSegment('a.')).toBe('a%2E');
  });

  it('is reversible and always a safe, non-hidden name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (text) => {
        const name = encodeSegment(text);
        expect(name).toMatch(SAFE_NAME);
        expect(name.startsWith('.')).toBe(false);
        expect(name).not.toBe('..');
        expect(decodeSegment(name)).toBe(text);
      }),
    );
  });
});

describe('caseOutputPath', () => {
  it("keeps the template's folder: en/welcome.html × ann → en/welcome/ann.html", () => {
    expect(caseOutputPath('en/welcome.html', 'ann', undefined)).toBe('en/welcome/ann.html');
    expect(caseOutputPath('de/welcome.html', 'ann', undefined)).toBe('de/welcome/ann.html');
    expect(caseOutputPath('welcome.html', 'ann', 'no-marketing-text')).toBe('welcome/ann~no-marketing-text.html');
    expect(caseOutputPath('plain', 'ann', undefined)).toBe('plain/ann.html');
  });

  it('never leaves the output folder, whatever the ids, variants and template paths', () => {
    const out = resolve('/tmp/out');
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        (template, id, variant) => {
          const path = caseOutputPath(template, id, variant);
          expect(resolve(out, path).startsWith(out + sep)).toBe(true);
          for (const segment of path.split('/')) {
            expect(segment).toMatch(SAFE_NAME);
            expect(segment.startsWith('.')).toBe(false);
          }
        },
      ),
    );
  });

  it('gives distinct cases distinct paths', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        fc.string({ unit: 'binary', minLength: 1 }),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        (a, va, b, vb) => {
          fc.pre(a !== b || va !== vb);
          expect(caseOutputPath('t.html', a, va)).not.toBe(caseOutputPath('t.html', b, vb));
        },
      ),
    );
  });

  it('caps a long name and keeps it unique with a hash', () => {
    const long = 'x'.repeat(1000);
    const a = caseOutputPath('t.html', `${long}a`, undefined).split('/')[1]!;
    const b = caseOutputPath('t.html', `${long}b`, undefined).split('/')[1]!;
    expect(a.length).toBeLessThanOrEqual(MAX_NAME + 20);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(caseOutputPath('t.html', '€'.repeat(500), undefined).split('/')[1]!)).toBeLessThan(255);
  });
});

describe('findCollisions', () => {
  it('finds names equal but for case, and a file where another case needs a folder', () => {
    expect(findCollisions(['t/Ann.html', 't/ann.html'])).toEqual([{ path: 't/ann.html', first: 0, second: 1 }]);
    expect(findCollisions(['a/b.html', 'a/b.html/c.html'])).toHaveLength(1);
    expect(findCollisions(['summary.json'], ['summary.json'])).toHaveLength(1);
    expect(findCollisions(['en/welcome/ann.html', 'de/welcome/ann.html'])).toEqual([]);
  });

  it('finds what comparing every folded path with every other finds, reading a generator again when paths meet', () => {
    /** The definition: every path and folder against those before it, folded as a case-insensitive filesystem does. */
    const reference = (paths: string[], reserved: string[]) => {
      const fold = (path: string) => path.normalize('NFC').toLowerCase();
      const found: { path: string; first: number; second: number }[] = [];
      const firstFile = (key: string, before: number) => {
        if (reserved.some((r) => fold(r) === key)) return -1;
        const at = paths.slice(0, before).findIndex((p, i) => fold(p) === key && !found.some((c) => c.second === i && c.path === p));
        return at < 0 ? undefined : at;
      };
      const firstFolder = (key: string, before: number) => {
        const at = paths.slice(0, before).findIndex((p) => fold(p).startsWith(`${key}/`));
        return at < 0 ? undefined : at;
      };
      paths.forEach((path, index) => {
        const key = fold(path);
        const taken = firstFile(key, index) ?? firstFolder(key, index);
        if (taken !== undefined) found.push({ path, first: taken, second: index });
        for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
          const folder = key.slice(0, slash);
          const file = firstFile(folder, index);
          if (file !== undefined && firstFolder(folder, index) === undefined) found.push({ path: folder, first: file, second: index });
        }
      });
      return found;
    };
    const path = fc.array(fc.constantFrom('a', 'A', 'b', 'é', 'e\u0301', 'summary.json'), { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(path, { maxLength: 8 }), fc.boolean(), (paths, reserve) => {
        const reserved = reserve ? ['summary.json'] : [];
        function* generate() {
          yield* paths;
        }
        expect(findCollisions(generate, reserved, paths.length)).toEqual(reference(paths, reserved));
        expect(findCollisions(paths, reserved)).toEqual(reference(paths, reserved));
      }),
      { numRuns: 500 },
    );
    const many = Array.from({ length: 5000 }, (_, i) => `t/user-${i}.html`);
    expect(findCollisions(many, ['summary.json'], 10)).toEqual([]);
    expect(findCollisions([...many, 'T/User-4999.html'])).toEqual([{ path: 'T/User-4999.html', first: 4999, second: 5000 }]);
  });
});
