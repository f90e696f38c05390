/**
 * Human-readable diagnostics: `file:line:column: severity: message (rule)`, a code frame under it, then the hint.
 * The frame comes from @babel/code-frame, fed only the lines it shows, read from the source's line index: the cost
 * of a frame does not grow with the source, so formatting is linear in the number of diagnostics. Whatever the
 * input, the output is bounded: long lines are cut to a window around the column (`…` marks the cut), a span over
 * many lines is framed on its first line, long messages are cut, and control characters are shown escaped.
 */
import { createRequire } from 'node:module';
import type { BabelCodeFrameOptions } from '@babel/code-frame';
import type { Diagnostic } from './diagnostic.js';
import { SourceText } from './source.js';
import { escapeControlCharacters, escapeControlCharacter, isControlCharacter } from './terminal-text.js';

// Loaded when the first frame is printed: a run without problems (most renders) never needs it.
const loadPackage = createRequire(import.meta.url);
let codeFrameColumns: (typeof import('@babel/code-frame'))['codeFrameColumns'] | undefined;

/** Source characters a frame shows of a line at most (plus the `…` marks). */
export const FRAME_WIDTH = 120;
/** Where the window starts: this many characters before the diagnostic's column, when the line is cut. */
const FRAME_LEAD = 40;
const LINES_AROUND = 2;
/** A span over more lines than this is framed on its first line only. */
const MAX_FRAMED_LINES = 5;
/** Messages and hints are cut after this many characters (they quote template text). */
export const MAX_MESSAGE_LENGTH = 1000;

export interface FormatOptions {
  /** The source the diagnostic points into; without it no code frame is drawn. */
  source?: string | SourceText;
  color?: boolean;
}

export function formatLocation(d: Diagnostic): string {
  return escapeControlCharacters(`${d.file ?? '<template>'}:${d.start.line}:${d.start.column}`);
}

/** A message or hint as printed: control characters escaped (line feeds kept), cut when very long. */
export function printableMessage(text: string): string {
  const cut = text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}… (${text.length - MAX_MESSAGE_LENGTH} more characters)` : text;
  return escapeControlCharacters(cut, true);
}

/** One source line as a frame shows it: the window [from, to), escaped, and where each column landed. */
interface ShownLine {
  text: string;
  /** Display column (0-based) of a 0-based source column of the line. */
  column(sourceColumn: number): number;
}

function showLine(line: string, from: number, to: number): ShownLine {
  let start = Math.min(from, line.length);
  let end = Math.min(to, line.length);
  // Never split a surrogate pair at a cut.
  if (start > 0 && start < line.length && isLowSurrogate(line.charCodeAt(start))) start++;
  if (end < line.length && end > start && isHighSurrogate(line.charCodeAt(end - 1))) end--;
  const before = start > 0 ? '…' : '';
  const offsets: number[] = [];
  let text = before;
  for (let i = start; i < end; i++) {
    offsets.push(text.length);
    const ch = line[i]!;
    text += isControlCharacter(ch) ? escapeControlCharacter(ch) : ch;
  }
  const bodyEnd = text.length;
  if (end < line.length) text += '…';
  return {
    text,
    column: (sourceColumn) => (sourceColumn < start ? before.length : sourceColumn >= end ? bodyEnd : offsets[sourceColumn - start]!),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The code frame of a diagnostic: two lines around it, the span marked with `^`. Pass a `SourceText` when
 * framing several diagnostics of one source: a string is indexed on every call.
 */
export function codeFrame(source: string | SourceText, d: Pick<Diagnostic, 'start' | 'end'>, color = false): string {
  const text = typeof source === 'string' ? new SourceText(source) : source;
  const lineCount = text.lineCount;
  const startLine = Math.min(Math.max(d.start.line, 1), lineCount);
  let endLine = Math.min(Math.max(d.end.line, startLine), lineCount);
  let endColumn = d.end.column - 1;
  if (d.end.offset <= d.start.offset) {
    endLine = startLine;
    endColumn = d.start.column; // one ^ at the spot
  }
  if (endLine - startLine >= MAX_FRAMED_LINES) {
    endLine = startLine;
    endColumn = text.lineText(startLine).length;
  }
  const first = Math.max(1, startLine - LINES_AROUND);
  const last = Math.min(lineCount, endLine + LINES_AROUND);
  const raw: string[] = [];
  for (let line = first; line <= last; line++) raw.push(text.lineText(line));
  // Long lines share one window around the column, so they stay aligned above and below the marker.
  const from = Math.max(0, d.start.column - 1 - FRAME_LEAD);
  const shown = raw.map((line) => (line.length <= FRAME_WIDTH ? showLine(line, 0, FRAME_WIDTH) : showLine(line, from, from + FRAME_WIDTH)));
  const startShown = shown[startLine - first]!;
  const endShown = shown[endLine - first]!;
  const startColumn = startShown.column(d.start.column - 1) + 1;
  let end = endShown.column(endColumn) + 1;
  if (endLine === startLine && end <= startColumn) end = startColumn + 1;
  const options: BabelCodeFrameOptions & { startLine: number } = {
    highlightCode: color,
    forceColor: color,
    linesAbove: LINES_AROUND,
    linesBelow: LINES_AROUND,
    startLine: first,
  };
  codeFrameColumns ??= (loadPackage('@babel/code-frame') as typeof import('@babel/code-frame')).codeFrameColumns;
  return codeFrameColumns(
    shown.map((line) => line.text).join('\n'),
    { start: { line: startLine, column: startColumn }, end: { line: endLine, column: end } },
    options,
  );
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const lines = [`${formatLocation(d)}: ${d.severity}: ${printableMessage(d.message)} (${escapeControlCharacters(d.ruleId)})`];
  if (options.source !== undefined) lines.push(codeFrame(options.source, d, options.color ?? false));
  if (d.hint) lines.push(`  hint: ${printableMessage(d.hint)}`);
  return lines.join('\n');
}
