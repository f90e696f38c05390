/**
 * Code frames are bounded whatever the input (issue 7, item 3): long lines are cut around the column, at most
 * `--max-frames` problems are printed (then a count), formatting is linear in the number of diagnostics, and
 * terminal control characters from the input are shown escaped. Before: 2,000 unclosed blocks on one 18 KB line
 * printed 54 MB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { codeFrame, formatDiagnostic, FRAME_WIDTH } from '../../src/diagnostics/format.js';
import { SourceText } from '../../src/diagnostics/source.js';
import { escapeControlCharacters } from '../../src/diagnostics/terminal-text.js';
import { parse } from '../../src/syntax/parser.js';
import { cpuMs, cpuMsAsync } from '../support/cpu-time.js';

const dir = mkdtempSync(join(tmpdir(), 'mergetag-frames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2,000 unclosed blocks on one 18 KB line, between two short lines. */
const manyUnclosed = `<p>\n${'{{#if x}}'.repeat(2000)}\n</p>\n`;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => '',
    cwd: dir,
    env: { NO_COLOR: '1' },
    stderrIsTTY: false,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe('bounded code frames', () => {
  it('2,000 unclosed blocks on one line print under 64 KB, quickly, with a count of the rest', async () => {
    const template = write('many.html', manyUnclosed);
    write('user.json', '{}');
    const { value: result, ms } = await cpuMsAsync(() => cli(['render', template, '--user', 'user.json']));
    expect(result.code).toBe(1);
    expect(Buffer.byteLength(result.stderr)).toBeLessThan(64 * 1024);
    expect(ms).toBeLessThan(10_000);
    const problems = parse(manyUnclosed, { file: 'many.html' }).diagnostics.length;
    expect(result.stderr).toContain(`… and ${problems - 20} more problems (frames omitted; use --max-frames)\n`);
    expect(result.stderr.match(/^> \d+ \|/gm)).toHaveLength(20);
  });

  it('--max-frames sets how many problems are printed; it must be a whole number', async () => {
    const template = write('many2.html', manyUnclosed);
    write('user.json', '{}');
    const some = await cli(['render', template, '--user', 'user.json', '--max-frames', '3']);
    expect(some.stderr.match(/^many2\.html:\d+:\d+: error: /gm)).toHaveLength(3);
    const none = await cli(['render', template, '--user', 'user.json', '--max-frames', '0']);
    expect(none.stderr).toMatch(/^… and \d+ more problems \(frames omitted; use --max-frames\)\nskipped: /);
    const bad = await cli(['render', template, '--user', 'user.json', '--max-frames', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-frames lots: expected a whole number of problems');
  });

  it('every command that prints diagnostics takes --max-frames', async () => {
    for (const command of ['render', 'validate', 'url', 'record']) {
      const help = await cli([command, '--help']);
      expect(help.stdout, command).toContain('--max-frames N');
    }
  });

  it('a long line is cut to a window around the column, the marker still under the tag', () => {
    const line = `${'a'.repeat(9000)}{{/if}}${'b'.repeat(9000)}`;
    const d = parse(line).diagnostics[0]!;
    const frame = codeFrame(line, d);
    const [code, marker] = frame.split('\n');
    expect(code!.length).toBeLessThanOrEqual(FRAME_WIDTH + 12);
    expect(code).toMatch(/^> 1 \| …a+\{\{\/if\}\}b+…$/);
    expect(marker!.indexOf('^')).toBe(code!.indexOf('{{/if}}'));
    expect(marker!.match(/\^+/)![0]).toHaveLength('{{/if}}'.length);
  });

  it('formatting is linear in the number of diagnostics: 2,000 frames of one source take well under a second', () => {
    const source = new SourceText(manyUnclosed, 'many.html');
    const diagnostics = parse(manyUnclosed, { file: 'many.html' }).diagnostics;
    expect(diagnostics.length).toBeGreaterThanOrEqual(2000);
    let bytes = 0;
    const { ms } = cpuMs(() => {
      for (const d of diagnostics) bytes += formatDiagnostic(d, { source }).length;
    });
    expect(ms).toBeLessThan(5000);
    expect(bytes / diagnostics.length).toBeLessThan(1000);
  });

  it('control characters from the template are shown escaped in frames and messages', async () => {
    const text = 'Hi \u001b]0;owned\u0007 \u009b31m {{#each "\u001b[2J"}}\n';
    const template = write('ctl.html', text);
    write('user.json', '{}');
    const result = await cli(['render', template, '--user', 'user.json']);
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.stderr).toContain('Hi \\x1b]0;owned\\x07 \\u009b31m {{#each "\\x1b[2J"}}');
    expect(result.stderr).toContain('unclosed {{#each "\\x1b[2J"}}');
    // The marker is under the tag in the escaped line.
    const lines = result.stderr.split('\n');
    const code = lines.find((l) => l.startsWith('> 1 |'))!;
    expect(lines[lines.indexOf(code) + 1]!.indexOf('^')).toBe(code.indexOf('{{#each'));
  });

  it('escapes C0 and C1 controls, DEL, line separators and bidi controls; keeps tab, and line feeds when asked', () => {
    expect(escapeControlCharacters('a\u001bb\u0007c\u007fd\u009be\u2028f\u202eg\th\ni')).toBe('a\\x1bb\\x07c\\x7fd\\u009be\\u2028f\\u202eg\th\\x0ai');
    expect(escapeControlCharacters('a\nb\rc', true)).toBe('a\nb\\x0dc');
  });
});
