import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFileStream, removeStaleTempFiles, TEMP_FILE } from '../../src/io/atomic-write.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

describe('AtomicFileStream', () => {
  it('writes as it goes into a temporary file; readers see the old file until commit', () => {
    const dir = temp();
    const target = join(dir, 'summary.json');
    writeFileSync(target, 'old');
    const stream = new AtomicFileStream(target);
    stream.write('{"cases": [');
    const [tempName] = readdirSync(dir).filter((name) => name !== 'summary.json');
    expect(tempName).toMatch(TEMP_FILE);
    expect(readFileSync(join(dir, tempName!), 'utf8')).toBe('{"cases": [');
    expect(readFileSync(target, 'utf8')).toBe('old');
    stream.write(']}');
    stream.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"cases": []}');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  it('with a buffer, writes pieces that many bytes at a time, and the rest at commit', () => {
    const dir = temp();
    const target = join(dir, 'summary.json');
    const stream = new AtomicFileStream(target, 8);
    const onDisk = () =>
      readFileSync(
        join(
          dir,
          readdirSync(dir).find((name) => TEMP_FILE.test(name))!,
        ),
        'utf8',
      );
    stream.write('{"a":');
    expect(onDisk()).toBe('');
    stream.write('"✓",');
    expect(onDisk()).toBe('{"a":"✓",');
    stream.write('"b":1}');
    stream.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"a":"✓","b":1}');
  });

  it('leaves nothing behind when aborted', () => {
    const dir = temp();
    const stream = new AtomicFileStream(join(dir, 'summary.json'));
    stream.write('partial');
    stream.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files of processes that are gone, and keeps those of a running one and every other file', () => {
    const dir = temp();
    writeFileSync(join(dir, '.a.html.999999999.0a1b2c3d.tmp'), '');
    writeFileSync(join(dir, `.b.html.${process.ppid}.0a1b2c3d.tmp`), '');
    writeFileSync(join(dir, '.c.tmp'), '');
    writeFileSync(join(dir, 'd.html'), '');
    removeStaleTempFiles(dir);
    expect(existsSync(join(dir, '.a.html.999999999.0a1b2c3d.tmp'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([`.b.html.${process.ppid}.0a1b2c3d.tmp`, '.c.tmp', 'd.html']);
  });
});
