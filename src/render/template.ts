/**
 * `compile()` and `render()`: the engine's entry points. A compiled template is immutable and renders any number
 * of times; compile-time problems (syntax errors, unknown helpers) are in `template.diagnostics`, and a template
 * with an error renders to a `HandlebarsExecutionError` skip, as Iterable would not send it.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { iterableHelpers } from '../helpers/index.js';
import type { HelperRegistry } from '../helpers/registry.js';
import type { SnippetSource } from '../helpers/types.js';
import { buildFeedContext, FEED_ALIAS, feedLabel, mergeUserAndFeed, type FeedResponse } from '../feeds/context.js';
import type { Family, Program } from '../syntax/ast.js';
import { parse } from '../syntax/parser.js';
import { readValue, toValue } from '../values/json.js';
import type { Value } from '../values/types.js';
import { Compiler, type RenderFn, type RunState } from './compiler.js';
import { SendSkip, type SkipReason } from './errors.js';
import { familyScope } from './scope.js';

export interface CompileOptions {
  /** The template's file name, shown in diagnostics. */
  file?: string;
  /** The helpers templates may call; default: Iterable's. */
  helpers?: HelperRegistry;
  /**
   * Which delimiter families are tags. Default both; `['user']` or `['feed']` compiles like Handlebars.java
   * with a single delimiter pair, where the other family's brackets are plain text.
   */
  families?: readonly Family[];
}

export interface RenderInput {
  /** The user profile (and event fields): JSON text, or a value. The root of `{{ }}` lookups. */
  user?: unknown;
  /** The template's data-feed responses, in the template's feed order. */
  feeds?: readonly FeedResponse[];
  /** Iterable's "Merge the data feed and user contexts": feed fields also reachable as `{{ }}`, user wins. */
  mergeDataFeedContext?: boolean;
  /** The clock for date helpers; default: the real time. */
  now?: Date | (() => Date);
  /**
   * Snippet sources by name (`{{{snippet "name"}}}`): the text, or `{text, variables}` where `variables` names the
   * snippet's declared variables in order (positional values bind to them); or a function that finds one.
   */
  snippets?: Readonly<Record<string, string | SnippetSource>> | ((name: string) => SnippetSource | string | undefined);
  /**
   * Catalog items (`{{#catalog "Name" key as |item|}}`): catalog name → item key → item, or a function that
   * returns a catalog's items (an object or JSON value) by catalog name.
   */
  catalogs?: Readonly<Record<string, Readonly<Record<string, unknown>>>> | ((name: string) => unknown);
  /** The project's HMAC secret for `hmacSHA1`/`hmacSHA256`. */
  hmacSecret?: string;
}

export interface Skip {
  reason: SkipReason;
  message: string;
}

export interface RenderResult {
  /** The message as Iterable would send it; empty when the message is skipped. */
  output: string;
  diagnostics: Diagnostic[];
  /** Present when Iterable would not send the message, with Iterable's send-skip reason. */
  skip?: Skip;
}

/** Thrown for input that is not a template problem: a user profile that is not valid JSON, say. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export class Template {
  readonly ast: Program;
  readonly source: SourceText;
  /** Compile-time diagnostics: syntax errors, unknown helpers, and warnings such as `mixed-else`. */
  readonly diagnostics: readonly Diagnostic[];
  private readonly renderProgram: RenderFn;

  constructor(text: string, options: CompileOptions = {}) {
    const parsed = parse(text, options);
    const diagnostics = parsed.diagnostics;
    const compiler = new Compiler(options.helpers ?? defaultHelpers(), parsed.source, diagnostics);
    // A template nested past MAX_NESTING already has a syntax error; compiling it could overflow the stack.
    this.renderProgram = diagnostics.some((d) => d.ruleId === 'nesting-depth') ? () => '' : compiler.compileProgram(parsed.ast);
    this.ast = parsed.ast;
    this.source = parsed.source;
    this.diagnostics = diagnostics;
  }

  get file(): string | undefined {
    return this.source.file;
  }

  /** False when the template has an error: it can never be sent. */
  get ok(): boolean {
    return !hasErrors(this.diagnostics);
  }

  render(input: RenderInput = {}): RenderResult {
    const user = readInput(input.user, 'user profile');
    const feeds = input.feeds ?? [];
    const diagnostics: Diagnostic[] = [...this.diagnostics, ...this.aliasDiagnostics(feeds)];
    if (!this.ok) return { output: '', diagnostics, skip: { reason: 'HandlebarsExecutionError', message: firstError(this.diagnostics) } };
    const feedContext = buildFeedContext(feeds);
    if (!feedContext.ok) return { output: '', diagnostics, skip: feedContext.skip };
    const userRoot = input.mergeDataFeedContext ? mergeUserAndFeed(user, feedContext.root) : (user ?? new Map());
    return this.renderRoots(userRoot, feedContext.root, diagnostics, input);
  }

  /** Renders against ready-made roots: for callers that build contexts themselves (feed URLs, the linter). */
  renderRoots(
    userRoot: Value,
    feedRoot: Value,
    diagnostics: Diagnostic[] = [...this.diagnostics],
    services: Pick<RenderInput, 'now' | 'snippets' | 'catalogs' | 'hmacSecret'> = {},
  ): RenderResult {
    if (!this.ok) return { output: '', diagnostics, skip: { reason: 'HandlebarsExecutionError', message: firstError(this.diagnostics) } };
    const run: RunState = {
      file: this.file,
      diagnostics,
      now: clock(services.now),
      assigned: new Map(),
      hmacSecret: services.hmacSecret,
      snippet: snippetLookup(services.snippets),
      catalogItem: catalogLookup(services.catalogs),
    };
    const scope = { user: familyScope(userRoot), feed: familyScope(feedRoot) };
    try {
      return { output: this.renderProgram(scope, run), diagnostics };
    } catch (error) {
      const skip = this.skipFor(error, diagnostics);
      return { output: '', diagnostics, skip };
    }
  }

  private skipFor(error: unknown, diagnostics: Diagnostic[]): Skip {
    if (error instanceof SendSkip) {
      const span = error.loc ?? this.source.span(0, 0);
      diagnostics.push(diagnostic(error.ruleId, 'error', error.message, span, this.fileField()));
      return { reason: error.reason, message: error.message };
    }
    if (error instanceof RangeError) {
      const message = 'the template nests too deeply (a partial that includes itself?)';
      diagnostics.push(diagnostic('execution-error', 'error', message, this.source.span(0, 0), this.fileField()));
      return { reason: 'HandlebarsExecutionError', message };
    }
    throw error;
  }

  private aliasDiagnostics(feeds: readonly FeedResponse[]): Diagnostic[] {
    return feeds.flatMap((feed, index) =>
      feed.alias !== undefined && !FEED_ALIAS.test(feed.alias)
        ? [
            diagnostic('feed-alias', 'warning', `${feedLabel(feed, index)}: Iterable accepts only letters and underscores in an alias`, this.source.span(0, 0), {
              ...this.fileField(),
              hint: 'rename the alias, e.g. welcome_codes',
            }),
          ]
        : [],
    );
  }

  private fileField(): { file?: string } {
    return this.file !== undefined ? { file: this.file } : {};
  }
}

let sharedHelpers: HelperRegistry | undefined;
function defaultHelpers(): HelperRegistry {
  sharedHelpers ??= iterableHelpers();
  return sharedHelpers;
}

function snippetLookup(snippets: RenderInput['snippets']): RunState['snippet'] {
  if (!snippets) return () => undefined;
  if (typeof snippets === 'function') {
    return (name) => {
      const found = snippets(name);
      return typeof found === 'string' ? { text: found } : found;
    };
  }
  return (name) => {
    if (!Object.hasOwn(snippets, name)) return undefined;
    const found = snippets[name]!;
    return typeof found === 'string' ? { text: found, file: `snippet ${name}` } : { file: `snippet ${name}`, ...found };
  };
}

function catalogLookup(catalogs: RenderInput['catalogs']): RunState['catalogItem'] {
  if (!catalogs) return () => undefined;
  const read = new Map<string, Value>();
  return (catalog, key) => {
    if (!read.has(catalog)) {
      const items = typeof catalogs === 'function' ? catalogs(catalog) : Object.hasOwn(catalogs, catalog) ? catalogs[catalog] : undefined;
      read.set(catalog, toValue(items));
    }
    const items = read.get(catalog);
    return items instanceof Map ? items.get(key) : undefined;
  };
}

function clock(now: RenderInput['now']): () => Date {
  if (now instanceof Date) return () => now;
  if (typeof now === 'function') return now;
  return () => new Date();
}

function firstError(diagnostics: readonly Diagnostic[]): string {
  const error = diagnostics.find((d) => d.severity === 'error');
  if (!error) return 'the template has errors';
  return `${error.file ?? '<template>'}:${error.start.line}:${error.start.column}: ${error.message}`;
}

function readInput(input: unknown, what: string): Value {
  if (input === undefined) return undefined;
  const read = readValue(input);
  if (!read.ok) throw new InputError(`the ${what} is not valid JSON: ${read.error.message} at offset ${read.error.offset}`);
  return read.value;
}

export function compile(template: string, options: CompileOptions = {}): Template {
  return new Template(template, options);
}

export function render(template: string, input: RenderInput = {}, options: CompileOptions = {}): RenderResult {
  return compile(template, options).render(input);
}
