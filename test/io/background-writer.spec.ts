/** The worker thread that creates render --all's files while the main thread renders. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundWriter, MAX_IN_FLIGHT } from '../../src/io/background-writer.js';
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
});
