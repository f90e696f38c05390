/**
 * Runs the config rules over a project: one `check` per active rule, findings located in the config text, the
 * same result shape as a template's lint (src/lint/linter.ts). Pure: the caller reads the files.
 */
import { findNodeAtLocation, parse as parseJsonc, parseTree, type Node } from 'jsonc-parser';
import { diagnostic, type Diagnostic, type Severity } from '../../diagnostics/diagnostic.js';
import { spanOfPath, type JsonPathSegment } from '../../diagnostics/json-location.js';
import { SourceText, type Span } from '../../diagnostics/source.js';
import { iterableHelpers } from '../../helpers/index.js';
import type { HelperRegistry } from '../../helpers/registry.js';
import { resolveRules, type LintConfig } from '../config.js';
import type { LintResult } from '../linter.js';
import type { Knowledge, Rule } from '../rule.js';
import type { ConfigLintInput, ConfigRule, ConfigRuleContext, ConfigTemplate } from './types.js';

let defaultHelpers: HelperRegistry | undefined;

export function runConfigRules(input: ConfigLintInput, rules: readonly ConfigRule[], config: LintConfig | undefined): LintResult {
  const source = new SourceText(input.text, input.file);
  const tree = parseTree(input.text);
  const plain: unknown = tree ? parseJsonc(input.text) : undefined;
  const helpers = (defaultHelpers ??= iterableHelpers());
  // resolveRules reads only meta: a config rule's meta is a template rule's.
  const { active } = resolveRules(rules as unknown as readonly Rule[], config);
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const found: Diagnostic[] = [];
  const lacking = new Set<Knowledge>();
  const entries = templateEntries(plain);
  for (const [id, severity] of active) {
    const rule = byId.get(id)!;
    const missing = (rule.meta.requires ?? []).filter((need) => !has(input, need));
    if (missing.length) {
      for (const need of missing) lacking.add(need);
      continue;
    }
    rule.check(context(rule, severity, { input, source, tree, plain, helpers, entries, found }));
  }
  found.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset || a.ruleId.localeCompare(b.ruleId));
  return {
    file: input.file,
    source: input.text,
    messages: found,
    errorCount: count(found, 'error'),
    warningCount: count(found, 'warning'),
    infoCount: count(found, 'info'),
    suppressedCount: 0,
    lacking: [...lacking],
  };
}

interface Entry {
  path: string;
  feeds: string[];
}

function context(
  rule: ConfigRule,
  severity: Severity,
  shared: {
    input: ConfigLintInput;
    source: SourceText;
    tree: Node | undefined;
    plain: unknown;
    helpers: HelperRegistry;
    entries: Entry[];
    found: Diagnostic[];
  },
): ConfigRuleContext {
  const { input, source, tree, plain, helpers, entries, found } = shared;
  return {
    input,
    source,
    helpers,
    config: plain,
    spanOf: (path, inString) => spanIn(tree, path, source, inString),
    templateEntry: (template) => entryOf(template, entries),
    report: ({ loc, message, hint }) => {
      found.push(diagnostic(rule.meta.id, severity, message, loc, hint === undefined ? { file: input.file } : { file: input.file, hint }));
    },
  };
}

/**
 * The span of a JSON value; inside a string, the span of decoded offsets `start..end` mapped back to the file:
 * past the opening quote, each escape (`\"`, `\\`, `\u00e9`) standing for one decoded character.
 */
export function spanIn(tree: Node | undefined, path: readonly JsonPathSegment[], source: SourceText, inString?: { start: number; end: number }): Span {
  const node = tree ? findNodeAtLocation(tree, path as JsonPathSegment[]) : undefined;
  if (!node) return spanOfPath(tree, path, source);
  if (!inString || node.type !== 'string') return source.span(node.offset, node.offset + node.length);
  const raw = source.text;
  const last = node.offset + node.length - 1;
  // rawAt[i]: the file offset of decoded character i; one more entry for the end of the string.
  const rawAt: number[] = [];
  for (let i = node.offset + 1; i < last;) {
    rawAt.push(i);
    if (raw[i] === '\\') i += raw[i + 1] === 'u' ? 6 : 2;
    else i++;
  }
  rawAt.push(last);
  const at = (decoded: number): number => rawAt[Math.max(0, Math.min(decoded, rawAt.length - 1))]!;
  return source.span(at(inString.start), at(inString.end));
}

function templateEntries(plain: unknown): Entry[] {
  const list = plain && typeof plain === 'object' ? (plain as { templates?: unknown }).templates : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const entry = (item && typeof item === 'object' ? item : {}) as { path?: unknown; feeds?: unknown };
    return {
      path: typeof entry.path === 'string' ? entry.path : '',
      feeds: Array.isArray(entry.feeds) ? entry.feeds.filter((f): f is string => typeof f === 'string') : [],
    };
  });
}

/** The entry of `templates` a template file comes from: same feeds, and a path (or glob) that names the file. */
function entryOf(template: ConfigTemplate, entries: readonly Entry[]): number | undefined {
  const sameFeeds = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => sameList(entry.feeds, template.feedIds));
  if (sameFeeds.length <= 1) return sameFeeds[0]?.index;
  const file = template.file.replace(/\\/g, '/');
  const named = sameFeeds.find(({ entry }) => {
    const path = entry.path.replace(/^\.\//, '');
    return file === path || file.endsWith(`/${path}`) || globRegExp(path).test(file);
  });
  return (named ?? sameFeeds[0])!.index;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A config glob (`emails/**\/*.html`) as a regular expression matching the end of a file path. */
function globRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(^|/)${out}$`);
}

function has(input: ConfigLintInput, need: Knowledge): boolean {
  switch (need) {
    case 'users':
      return input.users !== undefined && input.users.profiles.length > 0;
    case 'feeds':
      return true;
    case 'feed-shapes':
      return input.feeds.some((feed) => feed.shape !== undefined);
    case 'snippets':
      return false;
  }
}

function count(messages: readonly Diagnostic[], severity: Severity): number {
  return messages.reduce((n, m) => (m.severity === severity ? n + 1 : n), 0);
}
