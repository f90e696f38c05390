/**
 * Runs the built CLI asynchronously (the fake server must keep answering while it runs), with an environment
 * free of the developer's own Voucherify credentials.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { binary, type CliRun } from '../../cli/support.js';

export interface TimedRun extends CliRun {
  ms: number;
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (/^VOUCHERIFY_/.test(name)) delete env[name];
  return { ...env, ...extra };
}

export function mergetagAsync(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; command?: string[] }): Promise<TimedRun> {
  if (!existsSync(binary)) throw new Error('dist/cli/main.js is missing: run npm run build (npm test does)');
  const started = Date.now();
  const [command, ...prefix] = options.command ?? [process.execPath, binary];
  const child = spawn(command!, [...prefix, ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
