/**
 * What `npm pack` would publish: the built library and CLI, the docs, the config schema, the bundled example
 * project, LICENSE and README; never sources of tests, test fixtures, benchmarks or scripts. Needs `npm run build`
 * (npm test builds first); `--ignore-scripts` keeps `prepare` from building again here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function packedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [pack] = JSON.parse(json) as [{ files: { path: string }[] }];
  return pack.files.map((file) => file.path).sort();
}

describe('npm pack', () => {
  const files = packedFiles();

  it('ships the library, the CLI, docs, schema, LICENSE and README', () => {
    for (const path of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      // The preview's browser app, built by npm run build (scripts/build-preview-ui.ts): installing needs no build.
      'dist/preview-ui/index.html',
      'dist/preview-ui/app.js',
      'dist/preview-ui/app.css',
      'docs/differences.md',
      'docs/helpers.md',
      'schema/mergetag.config.schema.json',
      'fixtures/welcome/mergetag.config.json',
    ]) {
      expect(files, path).toContain(path);
    }
  });

  it('ships nothing outside dist, docs, schema and the welcome example: no tests, sources, benchmarks or scripts', () => {
    const unexpected = files.filter(
      (path) => !/^(dist|docs|schema|fixtures\/welcome)\//.test(path) && !['LICENSE', 'README.md', 'package.json'].includes(path),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((path) => /(^|\/)test\/|\.spec\.|\.test\./.test(path))).toEqual([]);
  });

  it('ships only what the current sources build: no module left in dist/ by a file since moved or deleted', () => {
    // dist/preview-ui/app.js is the esbuild bundle of src/preview/ui/main.ts, not a module of tsc's.
    const stale = files.filter(
      (path) => /^dist\/(?!preview-ui\/).*\.js$/.test(path) && !existsSync(`${repoRoot}src/${path.slice('dist/'.length, -'.js'.length)}.ts`),
    );
    expect(stale).toEqual([]);
  });
});
