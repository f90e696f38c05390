import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/index.js';
import { repoRoot } from '../support/run-cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the library reads no process state', () => {
  it('has no process.cwd(), process.env, argv or std streams outside the CLI entry point', () => {
    const offenders = sourceFiles(join(repoRoot, 'src'))
      .filter((file) => relative(repoRoot, file) !== join('src', 'cli', 'main.ts'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/process\.(cwd|env|argv|stdout|stderr|stdin|exit)\b/g)].map((m) => `${relative(repoRoot, file)}: ${m[0]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('opens a project relative to the cwd it is given, whatever the process cwd is', () => {
    const project = openProject({ cwd: join(repoRoot, 'fixtures'), config: 'welcome/mergetag.config.json' });
    expect(project.templates().map((t) => t.display)).toEqual(['welcome/welcome.html']);
    const results = [...project.renderAll({ now: new Date('2026-11-25T09:00:00Z') })];
    expect(results).toHaveLength(6);
    expect(results.filter((r) => r.result && !r.result.skip)).toHaveLength(4);
    expect(results[0]!.requests[0]!.recording?.file).toBe(join(repoRoot, 'fixtures/welcome/recordings/ann.json'));
  });
});
