/** Printing diagnostics for people (file:line:column, code frame, hint) or as JSON. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame, formatLocation, printableMessage } from '../diagnostics/format.js';
import { SourceText } from '../diagnostics/source.js';
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';
import { UsageError } from './errors.js';
import { paint, useColor, type CliIO } from './io.js';

/** How many problems a command prints with their frames before it only counts the rest (`--max-frames`). */
export const DEFAULT_MAX_FRAMES = 20;

/** The `--max-frames N` option, for every command that prints diagnostics. */
export const MAX_FRAMES_OPTION = { 'max-frames': { type: 'string' } } as const;

export const MAX_FRAMES_HELP = `  --max-frames N          print at most N problems with their code frames, then
                          count the rest (default ${DEFAULT_MAX_FRAMES})`;

export interface PrintOptions {
  /** Problems printed in full; the rest are counted on one line. */
  maxFrames?: number;
}

/** The command's streams with its `--max-frames` setting, for every print of diagnostics that follows. */
export function withMaxFrames(io: CliIO, value: unknown): CliIO {
  return { ...io, maxFrames: maxFramesOf(value) };
}

export function maxFramesOf(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_FRAMES;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (!/^\d+$/.test(text))
    throw new UsageError(`--max-frames ${text}: expected a whole number of problems`, 'write --max-frames 50, or --max-frames 0 to print only the count');
  return Number(text);
}

/**
 * Prints diagnostics with their code frames: at most `maxFrames` of them, then "… and K more problems". Each
 * source is indexed once (frames read only the lines they show), and text from the input is escaped, so the
 * output is bounded and inert whatever the input.
 */
export function printDiagnostics(
  io: CliIO,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string | undefined, string>,
  write: (text: string) => void = io.stderr,
  options: PrintOptions = {},
): void {
  const colors = paint(io);
  const maxFrames = options.maxFrames ?? io.maxFrames ?? DEFAULT_MAX_FRAMES;
  const indexed = new Map<string | undefined, SourceText>();
  const sourceOf = (file: string | undefined): SourceText | undefined => {
    let source = indexed.get(file);
    if (source === undefined) {
      const text = sources.get(file);
      if (text === undefined) return undefined;
      source = new SourceText(text, file);
      indexed.set(file, source);
    }
    return source;
  };
  for (const d of diagnostics.slice(0, maxFrames)) {
    const severity = d.severity === 'error' ? colors.error('error') : d.severity === 'warning' ? colors.warning('warning') : colors.dim('info');
    const lines = [`${colors.bold(formatLocation(d))}: ${severity}: ${printableMessage(d.message)} ${colors.dim(`(${escapeControlCharacters(d.ruleId)})`)}`];
    // A file refused for leaving the project is never shown, not even one line of it.
    const source = d.ruleId === 'outside-project' ? undefined : sourceOf(d.file);
    if (source !== undefined) lines.push(codeFrame(source, d, useColor(io)));
    if (d.hint) lines.push(`  ${colors.dim('hint:')} ${printableMessage(d.hint)}`);
    write(`${lines.join('\n')}\n`);
  }
  const more = diagnostics.length - maxFrames;
  if (more > 0) write(`… and ${more} more problem${more === 1 ? '' : 's'} (frames omitted; use --max-frames)\n`);
}

/**
 * The one JSON result shape of every command (`--format json`, on stdout): the exit code, the counts, every
 * diagnostic, and the command's own fields beside them.
 */
export interface JsonResult {
  exitCode: number;
  errorCount: number;
  warningCount: number;
  diagnostics: readonly Diagnostic[];
  [field: string]: unknown;
}

export function printJsonResult(io: CliIO, exitCode: number, diagnostics: readonly Diagnostic[], fields: Record<string, unknown> = {}): number {
  const result: JsonResult = {
    exitCode,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    ...fields,
    diagnostics,
  };
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return exitCode;
}

/** The `--max-frames N` among raw arguments (for failures reported outside the command), if it is a number. */
export function maxFramesInArgs(args: readonly string[]): number | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = arg.startsWith('--max-frames=') ? arg.slice('--max-frames='.length) : arg === '--max-frames' ? args[index + 1] : undefined;
    if (value !== undefined && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/** Whether the arguments ask for JSON output (for failures reported before the command parsed them). */
export function asksForJson(args: readonly string[]): boolean {
  return args.some((arg, index) => arg === '--format=json' || (arg === '--format' && args[index + 1] === 'json'));
}

export type OutputFormat = 'text' | 'json';

export function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text' || value === 'stylish') return 'text';
  if (value === 'json') return 'json';
  throw new FormatError(value);
}

export class FormatError extends Error {
  constructor(readonly format: string) {
    super(`unknown --format ${format}: use text or json`);
  }
}
