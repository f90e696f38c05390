/**
 * render --all streams: a profile is read and parsed when its case renders (once), its message and its summary
 * row are on disk before the next case starts, and the messages replace the previous run's only after one flush
 * of the whole run, before summary.json (which lists them) is committed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderAll, SUMMARY } from '../../src/cli/commands/render-all.js';
import type { CliIO } from '../../src/cli/io.js';
import { TEMP_FILE } from '../../src/io/atomic-write.js';
import { FSYNC_EACH_UP_TO } from '../../src/io/flush.js';
import { openProject } from '../../src/project/open.js';
import * as json from '../../src/values/json.js';
import { tempFolders } from '../support/run-cli.js';

vi.mock('../../src/values/json.js', async (original) => {
  const actual = await original<typeof import('../../src/values/json.js')>();
  return { ...actual, parseJson: vi.fn(actual.parseJson) };
});

const temp = tempFolders();

/** A project whose users (u0, u1, …, with names N0, N1, …, and `pad` bytes more each) are lines of users/users.ndjson. */
function project(count: number, pad = 0): string {
  const dir = temp('mergetag-stream-');
  mkdirSync(join(dir, 'users'));
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `u${i}`, name: `N${i}`, ...(pad ? { pad: 'x'.repeat(pad) } : {}) }));
  writeFileSync(join(dir, 'users', 'users.ndjson'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 't.html'), 'Hi {{name}}');
  writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 't.html' }], users: 'users/*.ndjson' }));
  return dir;
}

function io(cwd: string): CliIO {
  return { stdout: () => {}, stderr: () => {}, readStdin: () => '', cwd, env: { NO_COLOR: '1' }, stderrIsTTY: false };
}

/** What is on disk in the output folder: summary rows written so far, messages written (temporary, or in place). */
function onDisk(out: string): { rows: number; messages: number } {
  const temporarySummary = readdirSync(out).find((name) => TEMP_FILE.test(name) && name.startsWith(`.${SUMMARY}.`));
  const rows = temporarySummary ? readFileSync(join(out, temporarySummary), 'utf8').split('"template":').length - 1 : 0;
  const messages = existsSync(join(out, 't')) ? readdirSync(join(out, 't')).filter((name) => TEMP_FILE.test(name)).length : 0;
  return { rows, messages };
}

describe('render --all streams', () => {
  it('reads each profile when its case renders, and writes its message and summary row before the next case', () => {
    // Profiles of 100 KB: the reader reads ahead 256 KB of the file at most, so u3 is read after u1 renders.
    const dir = project(5, 100_000);
    const users = join(dir, 'users', 'users.ndjson');
    const out = join(dir, 'out');
    const opened = openProject({ cwd: dir });
    const renderCase = opened.renderCase.bind(opened);
    const seen: { rows: number; messages: number }[] = [];
    vi.spyOn(opened, 'renderCase').mockImplementation((...args) => {
      seen.push(onDisk(out));
      // Change a later user's profile on disk (same length, so its place in the file holds): the render must show it.
      if (args[1].id === 'u1') writeFileSync(users, readFileSync(users, 'utf8').replace('"N3"', '"M3"'));
      return renderCase(...args);
    });
    expect(renderAll(opened, out, io(dir), {}, { format: 'text' })).toBe(0);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((done) => ({ rows: done, messages: done })));
    expect(readFileSync(join(out, 't', 'u3.html'), 'utf8')).toBe('Hi M3');
    expect(readFileSync(join(out, 't', 'u4.html'), 'utf8')).toBe('Hi N4');
  });

  it('parses each profile once: opening the project only scans it', () => {
    const dir = project(20);
    const profileParses = () => vi.mocked(json.parseJson).mock.calls.filter(([text]) => text.includes('"name":"N')).length;
    vi.mocked(json.parseJson).mockClear();
    const opened = openProject({ cwd: dir });
    expect(profileParses()).toBe(0);
    expect(renderAll(opened, join(dir, 'out'), io(dir), {}, { format: 'text' })).toBe(0);
    expect(profileParses()).toBe(20);
  });

  it('makes the run durable once, after every message is written and before the summary that lists them is committed', () => {
    const count = FSYNC_EACH_UP_TO + 1;
    const dir = project(count);
    const out = join(dir, 'out');
    expect(renderAll(openProject({ cwd: dir }), out, io(dir), {}, { format: 'text' })).toBe(0);
    const flushes: { messages: number; summary: string }[] = [];
    const syncFileSystem = () => {
      flushes.push({ messages: onDisk(out).messages, summary: readFileSync(join(out, SUMMARY), 'utf8') });
      return true;
    };
    const before = readFileSync(join(out, SUMMARY), 'utf8');
    writeFileSync(join(dir, 't.html'), 'Hello {{name}}');
    expect(renderAll(openProject({ cwd: dir }), out, io(dir), {}, { format: 'text', syncFileSystem })).toBe(0);
    // One flush, every new message then in its temporary file, the previous summary still the one on disk.
    expect(flushes).toEqual([{ messages: count, summary: before }]);
    expect(readFileSync(join(out, 't', 'u0.html'), 'utf8')).toBe('Hello N0');
    const summary = JSON.parse(readFileSync(join(out, SUMMARY), 'utf8')) as { files: string[] };
    expect(summary.files).toHaveLength(count);
    expect(readdirSync(join(out, 't')).filter((name) => TEMP_FILE.test(name))).toEqual([]);
  });
});
