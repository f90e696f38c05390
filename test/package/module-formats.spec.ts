/**
 * The built package loads both ways a user can load it by name: `import` (it is an ES module package) and
 * `require` from CommonJS, which Node >= 20.19 allows for an ES module graph without top-level await when the
 * package's exports have a condition `require` matches. Spawned, so the real resolution of `mergetag` through
 * node_modules and package.json "exports" is what runs. Needs `npm run build` (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let consumer: string;

beforeAll(() => {
  // A project that depends on mergetag: node_modules/mergetag is this repository, as `npm link` would make it.
  consumer = mkdtempSync(join(tmpdir(), 'mergetag-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(repoRoot, join(consumer, 'node_modules', 'mergetag'), 'dir');
});
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

function runNode(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: consumer, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

describe('loading the built package by name', () => {
  it("require('mergetag') works from CommonJS and renders", () => {
    const run = runNode([
      '-e',
      "const { render } = require('mergetag'); process.stdout.write(render('[[a.b]]', { feeds: [{ alias: 'a', body: '{\"b\": 5.0}' }] }).output)",
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('5.0');
  });

  it("import from 'mergetag' works from an ES module and is the same module", () => {
    const run = runNode([
      '--input-type=module',
      '-e',
      "import { compile } from 'mergetag'; import { createRequire } from 'node:module'; " +
        "const required = createRequire(import.meta.url)('mergetag'); " +
        "process.stdout.write(compile('{{x}}').render({ user: '{\"x\": 1e7}' }).output + ' ' + (required.compile === compile))",
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('1.0E7 true');
  });

  it("import from 'mergetag/testing' gives the kit and the fast-check instance its arbitraries belong to", () => {
    const run = runNode([
      '--input-type=module',
      '-e',
      "import { arbitraries, checkTemplate, fc } from 'mergetag/testing'; " +
        'const [alias] = fc.sample(arbitraries.alias(), { numRuns: 1, seed: 1 }); ' +
        "const result = checkTemplate('Hi', { runs: 5, seed: 1 }); " +
        "process.stdout.write(/^[A-Za-z_]+$/.test(alias) + ' ' + result.passed + ' ' + typeof fc.property)",
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('true true function');
  });
});
