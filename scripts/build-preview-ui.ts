/**
 * Builds the preview's browser app (src/preview/ui/) into dist/preview-ui/: app.js (one classic IIFE script, so the
 * static export works from file://, where module scripts do not load), app.css and index.html. Part of npm run
 * build; the result ships in the package, so installing mergetag needs no build step.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const ui = `${root}src/preview/ui/`;
const out = `${root}dist/preview-ui/`;

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${ui}main.ts`],
  outfile: `${out}app.js`,
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'app.css']) copyFileSync(`${ui}${file}`, `${out}${file}`);
