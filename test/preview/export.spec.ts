import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { previewCommand } from '../../src/cli/commands/preview.js';
import type { CliIO } from '../../src/cli/io.js';
import { PreviewProject } from '../../src/preview/case-view.js';
import { exportPreview, type PreviewData } from '../../src/preview/export.js';
import { openProject } from '../../src/project/open.js';

const fixtures = resolve(import.meta.dirname, '../../fixtures/welcome');
const made: string[] = [];

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mergetag-preview-out-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function io(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: () => '', cwd, env: {}, stderrIsTTY: false };
}

/** data.js as the page runs it. */
function loadData(file: string): PreviewData {
  const window: { __MERGETAG_PREVIEW__?: PreviewData } = {};
  runInNewContext(readFileSync(file, 'utf8'), { window });
  return window.__MERGETAG_PREVIEW__!;
}

describe('mergetag preview --out', () => {
  it('writes data.js with the project and every case pre-rendered', async () => {
    const out = temp();
    const cli = io(fixtures);
    expect(await previewCommand(['--out', out], cli)).toBe(0);
    const data = loadData(join(out, 'data.js'));
    expect(data.project.templates.map((t) => t.id)).toEqual(['welcome.html']);
    expect(Object.keys(data.cases).sort()).toEqual([
      'welcome.html|ann|',
      'welcome.html|ann|no-marketing-text',
      'welcome.html|nameless|',
      'welcome.html|nameless|no-marketing-text',
      'welcome.html|obrien|',
      'welcome.html|obrien|no-marketing-text',
    ]);
    expect(data.cases['welcome.html|ann|']!.html).toContain('WELCOME-7QX2K9');
    expect(data.cases['welcome.html|nameless|']!.skip?.reason).toBe('DataFeedError');
    expect(cli.err.join('')).toContain('wrote 6 cases');
  });

  it('copies the built app and makes its page load data.js first', () => {
    const ui = temp();
    writeFileSync(
      join(ui, 'index.html'),
      '<!doctype html><html><head><link rel="stylesheet" href="app.css"><script type="module" src="app.js"></script></head><body></body></html>',
    );
    writeFileSync(join(ui, 'app.js'), 'console.log(1)');
    writeFileSync(join(ui, 'app.css'), 'body{}');
    const out = join(temp(), 'site');
    mkdirSync(out);
    const result = exportPreview(new PreviewProject(openProject({ cwd: fixtures })), 'welcome', out, ui);
    expect(result.files.sort()).toEqual(['app.css', 'app.js', 'data.js', 'index.html']);
    expect(result.missingUi).toEqual([]);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html.indexOf('<script src="data.js"></script>')).toBeGreaterThan(0);
    expect(html.indexOf('data.js')).toBeLessThan(html.indexOf('app.js'));
    expect(readFileSync(join(out, 'app.js'), 'utf8')).toBe('console.log(1)');
  });

  it('escapes </script> in the data', () => {
    const dir = temp();
    const out = join(dir, 'site');
    const result = exportPreview(new PreviewProject(openProject({ cwd: fixtures })), '</script><script>alert(1)</script>', out, join(dir, 'no-ui'));
    expect(result.missingUi).toEqual(['index.html', 'app.js', 'app.css']);
    const text = readFileSync(join(out, 'data.js'), 'utf8');
    expect(text).not.toContain('</script>');
    expect(loadData(join(out, 'data.js')).project.name).toBe('</script><script>alert(1)</script>');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});

describe('mergetag preview (server)', () => {
  it('prints the URL, serves the API and stops when told', async () => {
    const cli = io(fixtures);
    let stop!: () => void;
    const until = new Promise<void>((done) => (stop = done));
    let url = '';
    const exit = previewCommand(['--port', '0', '--no-open'], cli, {
      until,
      onListening: (listening) => {
        url = listening;
      },
    });
    await expect.poll(() => url).not.toBe('');
    const res = await fetch(new URL('/api/case?template=welcome.html&user=ann', url));
    expect(((await res.json()) as { html: string }).html).toContain('WELCOME-7QX2K9');
    stop();
    expect(await exit).toBe(0);
    expect(cli.out.join('')).toMatch(/^mergetag preview: http:\/\/127\.0\.0\.1:\d+\/\n$/);
  });

  it('reports bad usage', async () => {
    await expect(previewCommand(['--port', 'eighty'], io(fixtures))).rejects.toThrow(/--port eighty/);
    await expect(previewCommand(['welcome.html'], io(fixtures))).rejects.toThrow(/takes no FILE/);
  });
});
