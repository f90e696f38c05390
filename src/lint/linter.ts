/**
 * Lints one template text: a tolerant parse (every syntax error, not only the first), the analysis, one walk of
 * the AST with every active rule's visitors, then the inline directives. Pure: no files, no process state; the
 * project layer gives it what it knows (src/lint/knowledge.ts) and the CLI prints the result with a formatter.
 */
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { analyze, type TemplateAnalysis } from '../analysis/analyze.js';
import { iterableHelpers } from '../helpers/index.js';
import type { HelperRegistry } from '../helpers/registry.js';
import { parse } from '../syntax/parser.js';
import { traverse } from '../syntax/visitor.js';
import { resolveRules, type LintConfig } from './config.js';
import { applyDirectives, readDirectives, unusedDirectives } from './directives.js';
import { emptyKnowledge, type TemplateKnowledge } from './knowledge.js';
import type { Knowledge, Rule, RuleContext, RuleVisitor } from './rule.js';
import { allRules } from './rules/index.js';

export interface LintOptions {
  /** The file name shown in messages. */
  file?: string;
  helpers?: HelperRegistry;
  knowledge?: TemplateKnowledge;
  config?: LintConfig;
  /** The rules to choose from; default: every rule mergetag has. */
  rules?: readonly Rule[];
}

export interface LintResult {
  /** The file as shown to users (`<text>` for a template given as text). */
  file: string;
  /** The template text, for code frames. */
  source: string;
  /** Findings in document order. */
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Findings that inline directives suppressed. */
  suppressedCount: number;
  /** Knowledge some active rule needed and the linter did not have: those rules could not judge this file. */
  lacking: Knowledge[];
  /** The template's analysis, for callers that need it too (the config rules); not part of any output format. */
  analysis?: TemplateAnalysis;
}

let defaultHelpers: HelperRegistry | undefined;

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const file = options.file ?? '<text>';
  const rules = options.rules ?? allRules;
  const { active } = resolveRules(rules, options.config);
  const knowledge = options.knowledge ?? emptyKnowledge();
  const helpers = options.helpers ?? (defaultHelpers ??= iterableHelpers());
  const parsed = parse(text, { file });
  const source: SourceText = parsed.source;
  const analysis = analyze({ ast: parsed.ast, source }, { helpers });
  const found: Diagnostic[] = [];
  const lacking = new Set<Knowledge>();
  const visitors: RuleVisitor[] = [];
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  for (const [id, severity] of active) {
    const rule = byId.get(id)!;
    const missing = (rule.meta.requires ?? []).filter((need) => !has(knowledge, need, analysis));
    const any = rule.meta.requiresAny ?? [];
    if (any.length && !any.some((need) => has(knowledge, need, analysis))) missing.push(...any);
    if (missing.length) {
      for (const need of missing) lacking.add(need);
      continue;
    }
    visitors.push(rule.create(ruleContext(rule, severity, { file, source, parsed, analysis, helpers, knowledge, found })));
  }
  traverse(parsed.ast, visitors);
  for (const visitor of visitors) visitor.onEnd?.();
  const directives = readDirectives(parsed.ast);
  const { kept, suppressed } = applyDirectives(found, directives);
  const unusedSeverity = active.get('unused-disable-directive');
  if (unusedSeverity) {
    for (const { directive, rules: names } of unusedDirectives(directives)) {
      const what = names.length ? `for ${names.join(', ')} ` : '';
      kept.push(
        diagnostic('unused-disable-directive', unusedSeverity, `this mergetag-${directive.kind} directive ${what}suppresses nothing`, directive.loc, {
          file,
          hint: 'remove it, or name the rule it should suppress',
        }),
      );
    }
  }
  kept.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId));
  return {
    file,
    source: text,
    messages: kept,
    errorCount: count(kept, 'error'),
    warningCount: count(kept, 'warning'),
    infoCount: count(kept, 'info'),
    suppressedCount: suppressed.length,
    lacking: [...lacking],
    analysis,
  };
}

function ruleContext(
  rule: Rule,
  severity: Severity,
  shared: {
    file: string;
    source: SourceText;
    parsed: ReturnType<typeof parse>;
    analysis: ReturnType<typeof analyze>;
    helpers: HelperRegistry;
    knowledge: TemplateKnowledge;
    found: Diagnostic[];
  },
): RuleContext {
  const { file, source, parsed, analysis, helpers, knowledge, found } = shared;
  return {
    file,
    source,
    ast: parsed.ast,
    analysis,
    helpers,
    knowledge,
    parseDiagnostics: parsed.diagnostics,
    report: ({ loc, message, hint }) => {
      found.push(diagnostic(rule.meta.id, severity, message, loc, hint === undefined ? { file } : { file, hint }));
    },
  };
}

function has(knowledge: TemplateKnowledge, need: Knowledge, analysis: ReturnType<typeof analyze>): boolean {
  switch (need) {
    case 'feeds':
      return knowledge.feeds !== undefined;
    case 'feed-shapes':
      return knowledge.feeds !== undefined && knowledge.feeds.some((feed) => feed.shape !== undefined);
    case 'users':
      return knowledge.users !== undefined && knowledge.users.profiles.length > 0;
    case 'snippets':
      // A template that calls no snippet needs no snippet knowledge: most projects keep their snippets in
      // Iterable only, and a note on every file would be noise.
      return knowledge.snippetExists !== undefined || !analysis.helperCalls.some((call) => call.definition?.meta.name === 'snippet');
  }
}

function count(messages: readonly Diagnostic[], severity: Severity): number {
  return messages.reduce((n, m) => (m.severity === severity ? n + 1 : n), 0);
}
