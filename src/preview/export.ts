/**
 * `mergetag preview --out DIR`: the preview as static files, every case pre-rendered, for CI to publish as an
 * artifact. `data.js` sets `window.__MERGETAG_PREVIEW__` (a script, not a fetched JSON file, so `index.html`
 * works from file://, where browsers refuse fetch); the app reads it instead of the API, without editing or reload.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { CaseView, PreviewProject, ProjectView } from './case-view.js';

export const UI_FILES = ['index.html', 'app.js', 'app.css'] as const;

export interface PreviewData {
  project: ProjectView;
  cases: Record<string, CaseView>;
}

export interface ExportResult {
  /** Files written, relative to DIR. */
  files: string[];
  cases: number;
  /** UI files the build did not have (the data is written all the same). */
  missingUi: string[];
}

/** `template|user|variant`, and `|event` for a sample event of an event-triggered template (ui/static-data.ts reads it). */
export function caseKey(template: string, user: string, variant: string | null, event: string | null = null): string {
  return `${template}|${user}|${variant ?? ''}${event === null ? '' : `|${event}`}`;
}

export function previewData(preview: PreviewProject, name: string): PreviewData {
  const cases: Record<string, CaseView> = {};
  for (const key of preview.caseKeys()) {
    const entry = preview.template(key.template)!;
    const user = preview.project.users.get(key.user)!;
    cases[caseKey(key.template, key.user, key.variant, key.event)] = preview.caseView(entry, user, key.variant, {}, key.event);
  }
  return preview.redact({ project: preview.view(name), cases });
}

/** `</script>` and the line separators JavaScript once refused in strings, escaped: the data is code that runs. */
export function dataScript(data: PreviewData): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `window.__MERGETAG_PREVIEW__ = ${json};\n`;
}

export function exportPreview(preview: PreviewProject, name: string, outDir: string, uiDir: string): ExportResult {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const data = previewData(preview, name);
  writeFileAtomic(join(dir, 'data.js'), dataScript(data));
  const files = ['data.js'];
  const missingUi: string[] = [];
  for (const file of UI_FILES) {
    const from = join(uiDir, file);
    if (!existsSync(from)) {
      missingUi.push(file);
      continue;
    }
    if (file === 'index.html') writeFileAtomic(join(dir, file), withDataScript(readFileSync(from, 'utf8')));
    else copyFileSync(from, join(dir, file));
    files.push(file);
  }
  return { files, cases: Object.keys(data.cases).length, missingUi };
}

/** The app's page loads data.js before its own script, when the page does not already. */
function withDataScript(html: string): string {
  if (/<script[^>]+src=["']?\.?\/?data\.js/i.test(html)) return html;
  const tag = '<script src="data.js"></script>';
  const at = html.search(/<script\b/i);
  if (at >= 0) return `${html.slice(0, at)}${tag}\n${html.slice(at)}`;
  const head = html.search(/<\/head>/i);
  return head >= 0 ? `${html.slice(0, head)}${tag}\n${html.slice(head)}` : `${tag}\n${html}`;
}
