/**
 * A client for an external Handlebars.java engine: one long-lived child process speaking JSON lines
 * (docs/conformance.md). Each case is a line `{"template","delims","helpers","data"}` with `data` written as raw
 * JSON text, so Jackson reads the numbers as spelled; the engine answers one line per case, in order:
 * `{"output": "…"}` or `{"error": "…"}`. Cases go in batches; a batch resolves when all its answers are back.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CaseText } from './case.js';

export type EngineOutcome = { kind: 'output'; text: string } | { kind: 'error'; message: string };

/** The environment variable that names the engine command (run through the shell, so it may carry arguments). */
export const JAVA_ENGINE_ENV = 'MERGETAG_JAVA_ENGINE';

/** A batch that takes longer than this means the engine hangs: it is stopped, with its stderr in the error. */
const BATCH_TIMEOUT_MS = 120_000;

interface Pending {
  resolve: (outcome: EngineOutcome) => void;
  reject: (error: Error) => void;
}

export class JavaEngine {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private stderr = '';
  private exited: Error | undefined;

  constructor(readonly command: string) {
    this.child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answer(line));
    this.child.on('error', (error) => this.fail(new Error(`${JAVA_ENGINE_ENV}: cannot start '${command}': ${error.message}`)));
    this.child.on('exit', (code, signal) => this.fail(new Error(`${JAVA_ENGINE_ENV}: '${command}' exited (${signal ?? code}) ${this.stderr.trim()}`)));
    // A write after the engine died must not crash the process with EPIPE: the pending cases are rejected instead.
    this.child.stdin.on('error', (error) => this.fail(new Error(`${JAVA_ENGINE_ENV}: cannot write to '${command}': ${error.message}`)));
  }

  /** Renders the cases in one batch; the answers come back in the same order. */
  async render(cases: readonly CaseText[]): Promise<EngineOutcome[]> {
    if (this.exited) throw this.exited;
    const answers = cases.map(
      () =>
        new Promise<EngineOutcome>((resolve, reject) => {
          this.pending.push({ resolve, reject });
        }),
    );
    this.child.stdin.write(cases.map(requestLine).join(''));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${JAVA_ENGINE_ENV}: no answer within ${BATCH_TIMEOUT_MS / 1000} s (${this.stderr.trim()})`)),
        BATCH_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([Promise.all(answers), timeout]);
    } catch (error) {
      this.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.child.stdin.end();
    if (this.child.exitCode === null) this.child.kill();
  }

  private answer(line: string): void {
    const next = this.pending.shift();
    if (!next) return;
    try {
      const parsed = JSON.parse(line) as { output?: unknown; error?: unknown };
      if (typeof parsed.output === 'string') next.resolve({ kind: 'output', text: parsed.output });
      else if (typeof parsed.error === 'string') next.resolve({ kind: 'error', message: parsed.error });
      else next.reject(new Error(`${JAVA_ENGINE_ENV}: an answer with neither output nor error: ${line.slice(0, 200)}`));
    } catch {
      next.reject(new Error(`${JAVA_ENGINE_ENV}: an answer that is not JSON: ${line.slice(0, 200)}`));
    }
  }

  private fail(error: Error): void {
    this.exited ??= error;
    for (const p of this.pending.splice(0)) p.reject(error);
  }
}

/** The request line: `data` goes in as its JSON text, unchanged, so the engine's JSON reader sees the spelling. */
function requestLine(c: CaseText): string {
  return `{"template":${JSON.stringify(c.template)},"delims":${JSON.stringify(c.delims)},"helpers":"jknack","data":${c.data}}\n`;
}
