/**
 * Config rules: the findings of `mergetag lint` that are not in a template but in `mergetag.config.json` (a feed
 * URL, a template's feed list). Same meta as template rules (id, severity and description from the rule registry),
 * but `check(context)` judges the whole project once and reports at JSON locations of the config.
 */
import type { TemplateAnalysis } from '../../analysis/analyze.js';
import type { JsonPathSegment } from '../../diagnostics/json-location.js';
import type { SourceText, Span } from '../../diagnostics/source.js';
import type { HelperRegistry } from '../../helpers/registry.js';
import type { FeedKnowledge, UserKnowledge } from '../knowledge.js';
import type { Report, RuleMeta } from '../rule.js';

export interface ConfigLintInput {
  /** The config file as shown to users, and its text (JSON, for spans). */
  file: string;
  text: string;
  /** Every feed of the config, in config order (FeedKnowledge from src/lint/knowledge.ts, with `id`, `alias`, `url`, `urlTemplate`, ...). */
  feeds: readonly FeedKnowledge[];
  /** Every template of the project with the ids of its feeds (in its feed order) and its analysis (undefined when it does not parse). */
  templates: ReadonlyArray<{ file: string; feedIds: readonly string[]; mergeDataFeedContext: boolean; analysis: TemplateAnalysis | undefined }>;
  /** The sample users, when the project has any. */
  users: UserKnowledge | undefined;
}

export type ConfigTemplate = ConfigLintInput['templates'][number];

export interface ConfigRuleContext {
  readonly input: ConfigLintInput;
  readonly source: SourceText;
  readonly helpers: HelperRegistry;
  /** The config parsed as plain JSON (undefined when it is not JSON): settings the input does not carry, such as `voucherifyHosts`. */
  readonly config: unknown;
  /**
   * The span of the JSON value at `path` (`['feeds', 'welcome_codes', 'url']`), or of its deepest existing parent.
   * With `inString`, the span of those offsets of the string's decoded value (a tag inside a URL).
   */
  spanOf(path: readonly JsonPathSegment[], inString?: { start: number; end: number }): Span;
  /**
   * The index `i` of a template's entry in the config's `templates` (for `['templates', i, 'feeds', j]`): the entry
   * whose feeds are the template's feeds and whose path (or glob) names its file. Undefined when none matches.
   */
  templateEntry(template: ConfigTemplate): number | undefined;
  report(problem: Report): void;
}

export interface ConfigRule {
  meta: RuleMeta;
  check(context: ConfigRuleContext): void;
}
