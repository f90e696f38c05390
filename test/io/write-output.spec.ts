/** `render --out FILE` onto things that are not regular files: written like a shell redirect, never replaced. */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, openSync, readFileSync, readlinkSync, readSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();
const render = (out: string, cwd?: string) =>
  runCli(
    [
      'render',
      'fixtures/welcome/welcome.html',
      '--user',
      'fixtures/welcome/users/ann.json',
      '--feed',
      'welcome_codes=fixtures/welcome/recordings/ann.json',
      '--out',
      out,
    ],
    cwd ? { cwd } : {},
  );

describe('render --out', () => {
  it('writes into /dev/null, which stays a character device', async () => {
    const run = await render('/dev/null');
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes the message into a FIFO', async () => {
    const fifo = join(temp(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Open the reading end first (non-blocking), so the writer's open does not wait for a reader.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const run = await render(fifo);
      expect(run.code, run.stderr).toBe(0);
      const buffer = Buffer.alloc(65536);
      const length = readSync(reader, buffer, 0, buffer.length, null);
      expect(buffer.subarray(0, length).toString('utf8')).toContain('WELCOME-7QX2K9');
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('follows a symlink and leaves it a symlink', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'target.html'), 'old');
    symlinkSync('target.html', join(dir, 'link.html'));
    const run = await render(join(dir, 'link.html'));
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.html'))).toBe('target.html');
    expect(readFileSync(join(dir, 'target.html'), 'utf8')).toContain('WELCOME-7QX2K9');
  });

  it('refuses a dangling symlink and a directory, with exit 2', async () => {
    const dir = temp();
    symlinkSync('nowhere.html', join(dir, 'dangling.html'));
    const dangling = await render(join(dir, 'dangling.html'));
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain('a symlink to a file that does not exist');
    expect(lstatSync(join(dir, 'dangling.html')).isSymbolicLink()).toBe(true);
    const folder = await render(dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a directory');
    expect(dangling.stderr + folder.stderr).not.toContain('internal error');
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});
