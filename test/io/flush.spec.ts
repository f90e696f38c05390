/** io/flush.ts: a run's files are made durable once, at the end: one flush of the file system, or an fsync each. */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushFiles, FSYNC_EACH_UP_TO } from '../../src/io/flush.js';
import { tempFolders } from '../support/run-cli.js';

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) };
});

const temp = tempFolders();

/** `count` files in a new folder. */
function files(count: number): string[] {
  const dir = temp();
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `f${i}.html`);
    fs.writeFileSync(file, String(i));
    return file;
  });
}

describe('flushFiles', () => {
  beforeEach(() => void vi.mocked(fs.fsyncSync).mockClear());

  it('flushes a large batch with one flush of its file system, without an fsync per file', () => {
    const batch = files(FSYNC_EACH_UP_TO + 1);
    const flushed: string[] = [];
    const method = flushFiles(
      '/the/out/folder',
      () => batch,
      batch.length,
      (folder) => (flushed.push(folder), true),
    );
    expect(method).toBe('file-system');
    expect(flushed).toEqual(['/the/out/folder']);
    expect(fs.fsyncSync).not.toHaveBeenCalled();
  });

  it('fsyncs each file of a small batch, or of any batch when the file system cannot be flushed at once', () => {
    const small = files(3);
    expect(
      flushFiles(
        '/x',
        () => small,
        small.length,
        () => expect.unreachable(),
      ),
    ).toBe('each-file');
    expect(fs.fsyncSync).toHaveBeenCalledTimes(3);
    vi.mocked(fs.fsyncSync).mockClear();
    const large = files(FSYNC_EACH_UP_TO + 1);
    expect(
      flushFiles(
        '/x',
        () => large,
        large.length,
        () => false,
      ),
    ).toBe('each-file');
    expect(fs.fsyncSync).toHaveBeenCalledTimes(large.length);
  });
});
