/** Printing diagnostics for people (file:line:column, code frame, hint) or as JSON. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame, formatLocation } from '../diagnostics/format.js';
import { paint, useColor, type CliIO } from './io.js';

export function printDiagnostics(
  io: CliIO,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string | undefined, string>,
  write: (text: string) => void = io.stderr,
): void {
  const colors = paint(io);
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? colors.error('error') : d.severity === 'warning' ? colors.warning('warning') : colors.dim('info');
    const lines = [`${colors.bold(formatLocation(d))}: ${severity}: ${d.message} ${colors.dim(`(${d.ruleId})`)}`];
    const source = sources.get(d.file);
    if (source !== undefined) lines.push(codeFrame(source, d, useColor(io)));
    if (d.hint) lines.push(`  ${colors.dim('hint:')} ${d.hint}`);
    write(`${lines.join('\n')}\n`);
  }
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
