/**
 * Inline lint directives, in template comments of either family, as ESLint and theme-check write them:
 *
 *   {{!-- mergetag-disable-next-line unused-feed, raw-feed-output --}}   the next line
 *   {{! mergetag-disable-line prints-non-scalar }}                        the comment's own line
 *   {{!-- mergetag-disable feed-path-not-found --}} … {{!-- mergetag-enable feed-path-not-found --}}
 *
 * Without rule ids a directive covers every rule. A directive that suppresses nothing is itself reported
 * (`unused-disable-directive`), so stale directives do not pile up.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';
import type { Program } from '../syntax/ast.js';
import { traverse } from '../syntax/visitor.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** The rules it names; empty for all rules. */
  rules: string[];
  loc: Span;
  /** The rules (or `*`) it suppressed at least one message of. */
  used: Set<string>;
}

const DIRECTIVE = /^\s*mergetag-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*?))?\s*$/;

export function readDirectives(ast: Program): Directive[] {
  const directives: Directive[] = [];
  traverse(ast, {
    CommentStatement: (node) => {
      const match = DIRECTIVE.exec(node.value);
      if (!match) return;
      const rules = (match[2] ?? '')
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter((r) => r && !r.startsWith('--'));
      directives.push({ kind: match[1] as DirectiveKind, rules, loc: node.loc, used: new Set() });
    },
  });
  return directives;
}

/** Splits messages into those the directives let through and those they suppress, marking the directives used. */
export function applyDirectives(messages: readonly Diagnostic[], directives: readonly Directive[]): { kept: Diagnostic[]; suppressed: Diagnostic[] } {
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable').sort((a, b) => a.loc.start.offset - b.loc.start.offset);
  for (const message of messages) {
    const by = suppressor(message, directives, blocks);
    if (by) {
      by.used.add(by.rules.length ? message.ruleId : '*');
      suppressed.push(message);
    } else {
      kept.push(message);
    }
  }
  return { kept, suppressed };
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

function suppressor(message: Diagnostic, directives: readonly Directive[], blocks: readonly Directive[]): Directive | undefined {
  const line = message.start.line;
  for (const directive of directives) {
    if (!covers(directive, message.ruleId)) continue;
    if (directive.kind === 'disable-next-line' && line === directive.loc.end.line + 1) return directive;
    if (directive.kind === 'disable-line' && line >= directive.loc.start.line && line <= directive.loc.end.line) return directive;
  }
  // The last disable/enable before the message that concerns its rule decides.
  let active: Directive | undefined;
  for (const directive of blocks) {
    if (directive.loc.start.offset > message.start.offset) break;
    if (!covers(directive, message.ruleId)) continue;
    active = directive.kind === 'disable' ? directive : undefined;
  }
  return active;
}

/** The directives (or the rules named in them) that suppressed nothing, to report as unused. */
export function unusedDirectives(directives: readonly Directive[]): Array<{ directive: Directive; rules: string[] }> {
  const out: Array<{ directive: Directive; rules: string[] }> = [];
  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    if (directive.rules.length === 0) {
      if (directive.used.size === 0) out.push({ directive, rules: [] });
      continue;
    }
    const unused = directive.rules.filter((rule) => !directive.used.has(rule));
    if (unused.length) out.push({ directive, rules: unused });
  }
  return out;
}
