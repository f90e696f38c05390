/** In-process CLI runs and throwaway projects for the safety tests (no child process, temp folders cleaned). */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { repoRoot } from '../cli/support.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => '',
    cwd,
    env: { NO_COLOR: '1', ...env },
    stderrIsTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'mergetag-safety-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the bundled welcome project in a temp folder. */
export function welcomeCopy(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
  return dir;
}

/** Everything an attack could have left on Object.prototype. */
export function prototypeState(): { names: string[]; values: unknown[] } {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  return { names, values: names.map((name) => Object.getOwnPropertyDescriptor(Object.prototype, name)?.value) };
}
