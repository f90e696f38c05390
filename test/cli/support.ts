/** Runs the built CLI (dist/cli/main.js, as `npm install` leaves it) in a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = resolve(repoRoot, 'dist/cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function mergetag(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliRun {
  if (!existsSync(binary)) throw new Error('dist/cli/main.js is missing: run npm run build (npm test does)');
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
