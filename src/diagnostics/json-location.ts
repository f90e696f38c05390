/**
 * Where a JSON path is in a JSON file, for diagnostics on config files, recordings and payloads: the span of
 * the value at the path, or of the deepest parent that exists (a missing key points at its object).
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { JsonSyntaxError } from '../values/json.js';
import type { Diagnostic } from './diagnostic.js';
import { Reporter } from './reporter.js';
import type { SourceText, Span } from './source.js';

export type JsonPathSegment = string | number;

export function spanOfPath(tree: Node | undefined, path: readonly JsonPathSegment[], source: SourceText): Span {
  if (!tree) return source.span(0, 0);
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, path.slice(0, length) as JsonPathSegment[]);
    if (!node) continue;
    // For a key that exists, point at the key and its value (the property node).
    const target = length === path.length && node.parent?.type === 'property' ? node.parent : node;
    return source.span(target.offset, target.offset + target.length);
  }
  return source.span(0, 0);
}

/** `$.feeds.welcome_codes.url`, `$.templates[0].path`: a JSON path as users write it. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** `<subject> is not valid JSON: <why>`, at the line and column where parsing stopped (`shift`: where the JSON starts in the file). */
export function jsonSyntaxDiagnostic(source: SourceText, error: JsonSyntaxError, subject: string, shift = 0): Diagnostic {
  const start = shift + error.offset;
  const span = { start, end: start + Math.max(error.length, 1) };
  const reporter = new Reporter(source);
  if (error.tooDeep) return reporter.report('invalid-json', `${subject} is too deeply nested: ${error.message}`, span, { hint: 'flatten the data' });
  return reporter.report('invalid-json', `${subject} is not valid JSON: ${error.message}`, span);
}
