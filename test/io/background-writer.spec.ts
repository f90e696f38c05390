/** The worker thread that creates render --all's files while the main thread renders. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundWriter, MAX_IN_FLIGHT, RING_BYTES } from '../../src/io/background-writer.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

describe('BackgroundWriter', () => {
  it('writes every file handed over, more than it holds in flight, by the time drain() returns', () => {
    const dir = temp();
    const writer = new BackgroundWriter();
    const count = MAX_IN_FLIGHT * 3;
    for (let i = 0; i < count; i++) writer.write(join(dir, `f${i}.html`), `message ${i} ✓`);
    writer.drain();
    writer.close();
    expect(readdirSync(dir)).toHaveLength(count);
    expect(readFileSync(join(dir, `f${count - 1}.html`), 'utf8')).toBe(`message ${count - 1} ✓`);
  });

  it('never replaces an existing file, and throws the failure, with its code and path, from the next call', () => {
    const dir = temp();
    const writer = new BackgroundWriter();
    writer.write(join(dir, 'a.html'), 'first');
    writer.write(join(dir, 'a.html'), 'second');
    writer.write(join(dir, 'missing', 'b.html'), 'no folder');
    let failure: NodeJS.ErrnoException | undefined;
    try {
      writer.drain();
    } catch (error) {
      failure = error as NodeJS.ErrnoException;
    }
    writer.close();
    expect(failure?.code).toBe('EEXIST');
    expect(failure?.path).toBe(join(dir, 'a.html'));
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe('first');
    // After the first failure nothing more is written: the run is over.
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(() => writer.write(join(dir, 'c.html'), 'x')).toThrow();
  });

  it('goes round its ring many times, and writes a file too large for it on the calling thread, in any order of sizes', () => {
    const dir = temp();
    const writer = new BackgroundWriter();
    // Sizes that do not divide the ring: records end at every offset, and some must wrap.
    const texts = Array.from({ length: 300 }, (_, i) => `${i} ${'é✓x'.repeat(((i * 7919) % 5000) + 1)}`);
    texts[150] = `big ${'x'.repeat(RING_BYTES)}`;
    texts.forEach((text, i) => writer.write(join(dir, `f${i}.html`), text));
    writer.drain();
    writer.close();
    texts.forEach((text, i) => expect(readFileSync(join(dir, `f${i}.html`), 'utf8') === text, `f${i}`).toBe(true));
  });

  it('compares with the file named, and marks the files that already held their text instead of writing them', () => {
    const dir = temp();
    writeFileSync(join(dir, 'same.html'), 'same ✓');
    writeFileSync(join(dir, 'other.html'), 'SAME ✓');
    const big = 'b'.repeat(RING_BYTES);
    writeFileSync(join(dir, 'big.html'), big);
    const writer = new BackgroundWriter(4);
    writer.write(join(dir, '.same.tmp'), 'same ✓', { same: join(dir, 'same.html'), mark: 0 });
    writer.write(join(dir, '.other.tmp'), 'same ✓', { same: join(dir, 'other.html'), mark: 1 });
    writer.write(join(dir, '.big.tmp'), big, { same: join(dir, 'big.html'), mark: 2 });
    // Beyond the marks it was made for: written, never compared.
    writer.write(join(dir, '.beyond.tmp'), 'same ✓', { same: join(dir, 'same.html'), mark: 4 });
    writer.drain();
    writer.close();
    expect([0, 1, 2, 3, 4].map((mark) => writer.marked(mark))).toEqual([true, false, true, false, false]);
    expect(readdirSync(dir).sort()).toEqual(['.beyond.tmp', '.other.tmp', 'big.html', 'other.html', 'same.html']);
  });
});
