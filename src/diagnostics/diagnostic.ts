import type { RuleId } from './rules.js';
import type { Position, Span } from './source.js';

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a template, a payload or an input file. Data, not an exception: callers decide what to do. */
export interface Diagnostic {
  /** The rule or check that found it, e.g. `syntax-error`, `unknown-helper`, `mixed-else` (see rules.ts). */
  ruleId: RuleId;
  severity: Severity;
  message: string;
  file?: string;
  start: Position;
  end: Position;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
}

export function diagnostic(ruleId: RuleId, severity: Severity, message: string, span: Span, extra: { file?: string; hint?: string } = {}): Diagnostic {
  const result: Diagnostic = { ruleId, severity, message, start: span.start, end: span.end };
  if (extra.file !== undefined) result.file = extra.file;
  if (extra.hint !== undefined) result.hint = extra.hint;
  return result;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
