/**
 * A lint rule, as ESLint and theme-check write them: `meta` says what it finds and how severe that is by default;
 * `create(context)` returns visitors over the template's AST (src/syntax/visitor.ts) plus `onEnd`, called once
 * the walk is done (for rules that judge the template as a whole, such as an unused feed). Rules report through
 * `context.report`; they never print or throw.
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { rule as registryRule, type RuleId } from '../diagnostics/rules.js';
import type { SourceText, Span } from '../diagnostics/source.js';
import type { HelperRegistry } from '../helpers/registry.js';
import type { TemplateAnalysis } from '../analysis/analyze.js';
import type { Program } from '../syntax/ast.js';
import type { Visitor } from '../syntax/visitor.js';
import type { TemplateKnowledge } from './knowledge.js';

export interface RuleMeta {
  /** Kebab-case, stable: configs, inline directives and SARIF fingerprints name rules by it. */
  id: RuleId;
  /** One line: what the rule finds (from the rule registry). */
  description: string;
  /** The severity when the config does not set one (from the rule registry). */
  severity: Severity;
  /** In the `recommended` preset (every rule is in `all`). */
  recommended: boolean;
  /** The rule's page, `docs/rules/<id>.md`, as a URL. */
  docsUrl: string;
  /** Whether `--fix` could correct it; no rule fixes yet, the flag is for editors and SARIF consumers. */
  fixable: boolean;
  /**
   * What the rule needs beyond the template text. Without it the rule cannot judge, and the linter says so once
   * per file instead of staying silent.
   */
  requires?: readonly Knowledge[];
  /**
   * Knowledge of which the rule needs at least one (the data rules judge feed paths with feed shapes and user
   * paths with the sample users); with none of it, the linter says so as for `requires`.
   */
  requiresAny?: readonly Knowledge[];
  /**
   * For the rule's docs page (`npm run docs`), and checked by the rule's tests: a template the rule reports, and
   * the corrected one it accepts, linted with the bundled welcome project's knowledge.
   */
  examples: { wrong: string; right: string };
  /** For the docs page: what the rule deliberately does not report, and why (Markdown). */
  notes?: string;
}

/** The project knowledge a rule may need. */
export type Knowledge = 'feeds' | 'feed-shapes' | 'users' | 'snippets';

export interface Report {
  loc: Span;
  message: string;
  hint?: string;
}

export interface RuleContext {
  /** The template's file name as shown to users, if any. */
  readonly file: string | undefined;
  readonly source: SourceText;
  readonly ast: Program;
  readonly analysis: TemplateAnalysis;
  readonly helpers: HelperRegistry;
  readonly knowledge: TemplateKnowledge;
  /** What the tolerant parse reported (syntax errors, nesting too deep...), for the syntax rules. */
  readonly parseDiagnostics: readonly Diagnostic[];
  report(problem: Report): void;
}

export type RuleVisitor = Visitor & {
  /** Called after the whole template was visited. */
  onEnd?: () => void;
};

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): RuleVisitor;
}

/**
 * A lint rule's meta: its id, default severity, description and docs URL come from the one rule registry
 * (src/diagnostics/rules.ts), so a rule and the diagnostics it reports cannot disagree; the rest is the rule's own.
 */
export function lintRuleMeta(id: RuleId, own: Omit<RuleMeta, 'id' | 'description' | 'severity' | 'docsUrl'>): RuleMeta {
  const registered = registryRule(id);
  return { id, description: registered.description, severity: registered.severity, docsUrl: registered.docsUrl, ...own };
}

/** A finding, the one problem shape of mergetag: a diagnostic with the rule's id. */
export type LintMessage = Diagnostic;
