/**
 * The one way to make a diagnostic about a file: a reporter bound to its source names the file, turns offsets into
 * line and column, and takes the rule's default severity from the registry. Callers say what is wrong and where.
 */
import { diagnostic, type Diagnostic, type Severity } from './diagnostic.js';
import { rule, type RuleId } from './rules.js';
import type { SourceText, Span } from './source.js';

export interface ReportOptions {
  /** Overrides the rule's default severity. */
  severity?: Severity;
  hint?: string;
}

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly source: SourceText) {}

  /** A problem at a span, or at offsets `[start, end)` of the source; kept in `diagnostics` and returned. */
  report(ruleId: RuleId, message: string, at: Span | { start: number; end: number }, options: ReportOptions = {}): Diagnostic {
    const span = typeof at.start === 'number' ? this.source.span(at.start, at.end as number) : (at as Span);
    const extra: { file?: string; hint?: string } = {};
    if (this.source.file !== undefined) extra.file = this.source.file;
    if (options.hint !== undefined) extra.hint = options.hint;
    const made = diagnostic(ruleId, options.severity ?? rule(ruleId).severity, message, span, extra);
    this.diagnostics.push(made);
    return made;
  }
}
