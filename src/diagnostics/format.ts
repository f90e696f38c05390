/**
 * Human-readable diagnostics: `file:line:column: severity: message (rule)`, a code frame under it, then the hint.
 * The frame comes from @babel/code-frame, fed the 1-based span.
 */
import { codeFrameColumns } from '@babel/code-frame';
import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  /** The source the diagnostic points into; without it no code frame is drawn. */
  source?: string;
  color?: boolean;
}

export function formatLocation(d: Diagnostic): string {
  return `${d.file ?? '<template>'}:${d.start.line}:${d.start.column}`;
}

export function codeFrame(source: string, d: Diagnostic, color = false): string {
  const sameSpot = d.end.offset <= d.start.offset;
  const end = sameSpot ? { line: d.start.line, column: d.start.column + 1 } : { line: d.end.line, column: d.end.column };
  return codeFrameColumns(
    source,
    { start: { line: d.start.line, column: d.start.column }, end },
    { highlightCode: color, forceColor: color, linesAbove: 2, linesBelow: 2 },
  );
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const lines = [`${formatLocation(d)}: ${d.severity}: ${d.message} (${d.ruleId})`];
  if (options.source !== undefined) lines.push(codeFrame(options.source, d, options.color ?? false));
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}
