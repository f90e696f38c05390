import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_FILE } from '../../src/io/atomic-write.js';
import { FSYNC_EACH_UP_TO } from '../../src/io/flush.js';
import { BACKGROUND_FROM, OutputFolder } from '../../src/io/output-folder.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

describe('OutputFolder', () => {
  it('never writes outside itself', () => {
    const folder = OutputFolder.open(join(temp(), 'out'), 'summary.json');
    expect(() => folder.write('../x.html', 'x')).toThrow(/leaves/);
    expect(() => folder.write('a/../../x.html', 'x')).toThrow(/leaves/);
  });

  it('removes only listed files of the previous run, never a path outside the folder from a crafted manifest', () => {
    const root = temp();
    const out = join(root, 'out');
    mkdirSync(join(out, 't'), { recursive: true });
    writeFileSync(join(root, 'precious.txt'), 'keep');
    writeFileSync(join(out, 't', 'old.html'), 'old');
    writeFileSync(join(out, 'summary.json'), JSON.stringify({ files: ['t/old.html', '../precious.txt', 't/new.html'] }));
    const folder = OutputFolder.open(out, 'summary.json');
    folder.write('t/new.html', 'new');
    expect(folder.finish()).toEqual(['t/old.html']);
    expect(readFileSync(join(root, 'precious.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(out, 't', 'old.html'))).toBe(false);
    expect(readFileSync(join(out, 't', 'new.html'), 'utf8')).toBe('new');
  });

  it('writes each file beside its target, and replaces the targets only after one flush of the whole run', () => {
    const out = join(temp(), 'out');
    mkdirSync(join(out, 't'), { recursive: true });
    writeFileSync(join(out, 't', 'f0.html'), 'old');
    writeFileSync(join(out, 'summary.json'), JSON.stringify({ files: ['t/f0.html'] }));
    const seen: { targets: string[]; temporary: number; old: string }[] = [];
    const folder = OutputFolder.open(out, 'summary.json', {
      syncFileSystem: () => {
        const names = readdirSync(join(out, 't'));
        seen.push({
          targets: names.filter((name) => !TEMP_FILE.test(name)),
          temporary: names.filter((name) => TEMP_FILE.test(name)).length,
          old: readFileSync(join(out, 't', 'f0.html'), 'utf8'),
        });
        return true;
      },
    });
    const count = FSYNC_EACH_UP_TO + 1;
    for (let i = 0; i < count; i++) folder.write(`t/f${i}.html`, `new ${i}`);
    // Readers still see the previous run's file, whole.
    expect(readFileSync(join(out, 't', 'f0.html'), 'utf8')).toBe('old');
    expect(folder.finish()).toEqual([]);
    // One flush, with every file's content on disk in its temporary file and no target replaced yet.
    expect(seen).toEqual([{ targets: ['f0.html'], temporary: count, old: 'old' }]);
    expect(folder.flushed).toBe('file-system');
    expect(readdirSync(join(out, 't'))).toHaveLength(count);
    expect(readFileSync(join(out, 't', 'f0.html'), 'utf8')).toBe('new 0');
  });

  it('flushes file by file when the batch is small or the file system cannot be flushed at once', () => {
    const small = OutputFolder.open(join(temp(), 'small'), 'summary.json', {
      syncFileSystem: () => expect.unreachable('a small batch is flushed file by file'),
    });
    small.write('a.html', 'a');
    small.finish();
    expect(small.flushed).toBe('each-file');
    const out = join(temp(), 'large');
    const large = OutputFolder.open(out, 'summary.json', { syncFileSystem: () => false });
    for (let i = 0; i <= FSYNC_EACH_UP_TO; i++) large.write(`f${i}.html`, 'x');
    large.finish();
    expect(large.flushed).toBe('each-file');
    expect(readdirSync(out)).toHaveLength(FSYNC_EACH_UP_TO + 1);
  });

  it('creates the files of a large run on a second thread, with the same result', () => {
    const out = join(temp(), 'out');
    const folder = OutputFolder.open(out, 'summary.json', { expectedFiles: BACKGROUND_FROM, syncFileSystem: () => true });
    for (let i = 0; i < BACKGROUND_FROM; i++) folder.write(`t/f${i}.html`, `message ${i}`);
    folder.finish();
    expect(readdirSync(join(out, 't'))).toHaveLength(BACKGROUND_FROM);
    expect(readFileSync(join(out, 't', `f${BACKGROUND_FROM - 1}.html`), 'utf8')).toBe(`message ${BACKGROUND_FROM - 1}`);
  });

  it('leaves the previous files as they were when a run is given up, and the next run removes its temporary files', () => {
    const out = join(temp(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.html'), 'old');
    const failed = OutputFolder.open(out, 'summary.json');
    failed.write('a.html', 'new');
    failed.close();
    expect(readFileSync(join(out, 'a.html'), 'utf8')).toBe('old');
    const next = OutputFolder.open(out, 'summary.json');
    expect(readdirSync(out)).toEqual(['a.html']);
    next.finish();
  });

  it('reads only the files list of a previous summary, as JSON.parse would', () => {
    const out = join(temp(), 'out');
    mkdirSync(out);
    const summary = (text: string) => {
      writeFileSync(join(out, 'summary.json'), text);
      for (const name of ['a.html', 'b.html']) writeFileSync(join(out, name), 'old');
      return OutputFolder.open(out, 'summary.json').finish().sort();
    };
    expect(summary('{"cases": [{"output": "b.html", "files": ["b.html"]}], "files": ["a.html"]}')).toEqual(['a.html']);
    expect(summary('{"files": ["b.html"], "files": ["a.html", ["b.html"], 1]}')).toEqual(['a.html']);
    expect(summary('{"files": ["a.html"],}')).toEqual([]);
    expect(summary('[{"files": ["a.html"]}]')).toEqual([]);
  });

  it.each([
    ['on the main thread', 1],
    ['on the writer thread', BACKGROUND_FROM],
  ])('leaves a file that already holds its content as it is, %s, and replaces every other kind', (_, count) => {
    const root = temp();
    const out = join(root, 'out');
    mkdirSync(join(out, 't'), { recursive: true });
    writeFileSync(join(out, 't', 'same.html'), 'same ✓');
    writeFileSync(join(out, 't', 'changed.html'), 'SAME ✓');
    writeFileSync(join(out, 't', 'longer.html'), 'same ✓ and more');
    writeFileSync(join(root, 'elsewhere.html'), 'same ✓');
    symlinkSync(join(root, 'elsewhere.html'), join(out, 't', 'link.html'));
    writeFileSync(join(out, 't', 'shared.html'), 'same ✓');
    linkSync(join(out, 't', 'shared.html'), join(root, 'other-name.html'));
    const before = statSync(join(out, 't', 'same.html'));
    const staged = () => readdirSync(join(out, 't')).filter((name) => TEMP_FILE.test(name)).length;
    let stagedAtFlush: number | undefined;
    const syncFileSystem = () => {
      stagedAtFlush = staged();
      return true;
    };
    const folder = OutputFolder.open(out, 'summary.json', { expectedFiles: count, syncFileSystem });
    for (const name of ['same', 'changed', 'longer', 'link', 'shared']) folder.write(`t/${name}.html`, 'same ✓');
    for (let i = 5; i < count; i++) folder.write(`t/f${i}.html`, `message ${i}`);
    if (count === 1) stagedAtFlush = staged();
    folder.finish();
    // Only the files that change waited in temporary files.
    expect(stagedAtFlush).toBe(4 + Math.max(0, count - 5));
    expect(folder.written.slice(0, 5)).toEqual(['t/same.html', 't/changed.html', 't/longer.html', 't/link.html', 't/shared.html']);
    const after = statSync(join(out, 't', 'same.html'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    for (const name of ['changed', 'longer', 'link', 'shared']) {
      expect(lstatSync(join(out, 't', `${name}.html`)).isFile(), name).toBe(true);
      expect(readFileSync(join(out, 't', `${name}.html`), 'utf8')).toBe('same ✓');
    }
    // What the link and the other name pointed at is not touched.
    expect(readFileSync(join(root, 'elsewhere.html'), 'utf8')).toBe('same ✓');
    expect(statSync(join(root, 'other-name.html')).nlink).toBe(1);
    expect(readdirSync(join(out, 't')).filter((name) => TEMP_FILE.test(name))).toEqual([]);
  });
});
