/** The safety tests' helpers over test/support/run-cli.ts: positional cwd/env runs, the welcome project, prototype snapshots. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli as run, tempFolders, type CliResult } from '../support/run-cli.js';

export type InProcessRun = CliResult;

/** `mergetag argv…` in this process, in `cwd`, with only NO_COLOR and `env` in the environment. */
export function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessRun> {
  return run(argv, { cwd, env: { NO_COLOR: '1', ...env } });
}

/** A fresh temp folder, removed after the test file. */
export const tempDir: (prefix?: string) => string = tempFolders('all');

/** A copy of the bundled welcome project in a temp folder. */
export function welcomeCopy(): string {
  const dir = tempDir('mergetag-safety-');
  cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
  return dir;
}

/** Everything an attack could have left on Object.prototype. */
export function prototypeState(): { names: string[]; values: unknown[] } {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  return { names, values: names.map((name) => Object.getOwnPropertyDescriptor(Object.prototype, name)?.value) };
}
