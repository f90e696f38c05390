/**
 * The project's own code has a linter and a formatter, and npm test runs the linter. These check the wiring (config
 * found, type information on, the rules that matter on, data files never reformatted), not the whole tree: `npm run
 * lint` does that.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { scripts: Record<string, string> };

describe('ESLint', () => {
  const eslint = new ESLint({ cwd: repoRoot });

  it('npm test runs npm run lint, which is ESLint over the tree', () => {
    expect(manifest.scripts.lint).toBe('eslint .');
    expect(manifest.scripts.test).toMatch(/&& npm run lint &&/);
  });

  it('lints the sources with type information: floating promises and [object Object] printing are errors', async () => {
    const config = (await eslint.calculateConfigForFile('src/index.ts')) as {
      rules: Record<string, unknown[]>;
      languageOptions: { parserOptions: { projectService?: boolean } };
    };
    expect(config.languageOptions.parserOptions.projectService).toBe(true);
    expect(config.rules['@typescript-eslint/no-floating-promises']?.[0]).toBe(2);
    expect(config.rules['@typescript-eslint/no-base-to-string']?.[0]).toBe(2);
    expect(config.rules['@typescript-eslint/no-unsafe-member-access']?.[0]).toBe(2);
  });

  it('reports an unused variable, and lets `_name` parameters be', async () => {
    const [result] = await eslint.lintText('export function f(_unused, used) { const dead = 1; return used; }\n', { filePath: 'scripts/probe.js' });
    expect(result!.messages.map((m) => `${m.ruleId}:${m.line}:${m.column}`)).toEqual(['@typescript-eslint/no-unused-vars:1:42']);
  });

  it('does not lint build output, dependencies or fixtures', async () => {
    for (const path of ['dist/index.js', 'node_modules/x/index.js', 'test/fixtures/conformance/x.js', 'fixtures/welcome/x.js']) {
      expect(await eslint.isPathIgnored(path), path).toBe(true);
    }
  });
});

describe('Prettier', () => {
  it('keeps the code style: single quotes, 160 columns, trailing commas, semicolons', async () => {
    expect(manifest.scripts.format).toBe('prettier --write .');
    expect(manifest.scripts['format:check']).toBe('prettier --check .');
    const options = await prettier.resolveConfig(`${repoRoot}src/index.ts`);
    const source = 'const greeting = {a: "x", list: [1, 2]}\nexport function long(first: string, second: string) { return [first, second] }\n';
    expect(await prettier.format(source, { ...options, filepath: 'src/probe.ts' })).toBe(
      "const greeting = { a: 'x', list: [1, 2] };\nexport function long(first: string, second: string) {\n  return [first, second];\n}\n",
    );
    expect(options).toMatchObject({ printWidth: 160, singleQuote: true, trailingComma: 'all', semi: true });
  });

  it('never reformats data whose bytes matter: the corpus, the welcome project, generated files, the lockfile', async () => {
    const ignorePath = `${repoRoot}.prettierignore`;
    for (const path of [
      'test/fixtures/conformance/handlebars-java/core.jsonl',
      'fixtures/welcome/welcome.html',
      'fixtures/welcome/recordings/ann.json',
      'docs/helpers.md',
      'schema/mergetag.config.schema.json',
      'package-lock.json',
    ]) {
      expect((await prettier.getFileInfo(`${repoRoot}${path}`, { ignorePath })).ignored, path).toBe(true);
    }
    expect((await prettier.getFileInfo(`${repoRoot}src/index.ts`, { ignorePath })).ignored).toBe(false);
  });
});
