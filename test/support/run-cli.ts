/**
 * Runs mergetag commands in this process: `run(argv, io)` with the test's own cwd, environment and standard
 * input, capturing what would go to stdout and stderr. No child process, no dist/ build; only a few tests spawn
 * the real binary (bin wiring, stdin, exit code): those use test/cli/support.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The working directory of the command (default: the repository root). */
  cwd?: string;
  /** Standard input, for `-`. */
  input?: string;
  /** The whole environment the command sees (default: only NO_COLOR). */
  env?: NodeJS.ProcessEnv;
  stderrIsTTY?: boolean;
}

export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => options.input ?? '',
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? { NO_COLOR: '1' },
    stderrIsTTY: options.stderrIsTTY ?? false,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/**
 * Temporary folders that are removed after each test (`scope: 'each'`) or after the file (`'all'`). Call it at
 * the top level of a spec file: it registers the hook there.
 */
export function tempFolders(scope: 'each' | 'all' = 'each'): (prefix?: string) => string {
  const made: string[] = [];
  const cleanUp = () => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  if (scope === 'each') afterEach(cleanUp);
  else afterAll(cleanUp);
  return (prefix = 'mergetag-test-') => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
