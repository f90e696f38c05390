/**
 * How a command that threw is reported: a known error (usage, input file, output target, diagnostics) as its
 * message and exit code 2, anything else as an internal error, never as a stack trace (unless DEBUG is set).
 * Loaded only when a command fails, so that a successful run does not pay for it.
 */
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';
import { OutputTargetError } from '../io/output-target-error.js';
import { InputError } from '../iterable/input-error.js';
import { InputFileError, ReportedError, UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { asksForJson, FormatError, maxFramesInArgs, printDiagnostics, printJsonResult } from './report.js';

/** The exit code of a failed command, after printing why (as JSON when the command's arguments ask for it). */
export function reportCommandFailure(error: unknown, args: readonly string[], io: CliIO): number {
  if (asksForJson(args)) return reportFailureAsJson(error, io);
  const maxFrames = maxFramesInArgs(args);
  return reportFailure(error, maxFrames === undefined ? io : { ...io, maxFrames });
}

/** With --format json a failure is the shared result too (exit 2): scripts read stdout, whatever happened. */
function reportFailureAsJson(error: unknown, io: CliIO): number {
  const message = error instanceof Error ? error.message : String(error);
  const known =
    error instanceof UsageError ||
    error instanceof InputFileError ||
    error instanceof InputError ||
    error instanceof FormatError ||
    error instanceof ReportedError ||
    error instanceof OutputTargetError;
  const diagnostics = error instanceof ReportedError || error instanceof InputFileError ? error.diagnostics : [];
  const hint = error instanceof UsageError || error instanceof ReportedError ? error.hint : undefined;
  return printJsonResult(io, 2, diagnostics, { error: known ? message : `internal error: ${message}`, ...(hint ? { hint } : {}) });
}

function reportFailure(error: unknown, cliIO: CliIO): number {
  // Messages quote arguments and file contents: their control characters must not reach the terminal.
  const io = { ...cliIO, stderr: (text: string) => cliIO.stderr(escapeControlCharacters(text, true)) };
  if (error instanceof ReportedError) {
    // printDiagnostics escapes what it prints itself (and keeps its colors).
    printDiagnostics(cliIO, error.diagnostics, error.sources);
    io.stderr(`mergetag: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr(`mergetag: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return 2;
  }
  if (error instanceof InputError || error instanceof InputFileError || error instanceof FormatError || error instanceof OutputTargetError) {
    io.stderr(`mergetag: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`mergetag: internal error: ${message}\nPlease report it with the command you ran.${io.env.DEBUG ? `\n${(error as Error).stack}` : ''}\n`);
  return 2;
}
