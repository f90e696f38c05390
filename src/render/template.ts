/**
 * The engine's compiled template: parse once, compile the AST to closures, render any number of times against
 * ready-made roots (one per delimiter family). It knows nothing of Iterable's feeds or its default helpers: the
 * dialect facade (src/iterable/) builds the roots from a user profile and feed responses, and supplies the helpers.
 * Compile-time problems (syntax errors, unknown helpers) are in `diagnostics`; a template with an error renders to
 * a `HandlebarsExecutionError` skip, as Iterable would not send it.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import type { HelperRegistry } from '../helpers/registry.js';
import type { SnippetSource } from '../helpers/types.js';
import type { Family, Program } from '../syntax/ast.js';
import { parse } from '../syntax/parser.js';
import type { Value } from '../values/types.js';
import { SendSkip, type SkipReason } from '../runtime/errors.js';
import { familyScope } from '../runtime/scope.js';
import { Compiler, type RenderFn } from './compiler.js';
import { DEFAULT_MAX_OUTPUT_BYTES, fitsInBytes, outputLimitSkip, stringTooLongSkip } from './output-limit.js';
import { RenderRun } from './run.js';

export interface EngineOptions {
  /** The template's file name, shown in diagnostics. */
  file?: string;
  /** The helpers templates may call. */
  helpers: HelperRegistry;
  /**
   * Which delimiter families are tags. Default both; `['user']` or `['feed']` compiles like Handlebars.java
   * with a single delimiter pair, where the other family's brackets are plain text.
   */
  families?: readonly Family[];
}

/** What a render may use besides its data: the clock, snippets, catalogs, secrets. */
export interface RenderServices {
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
  /**
   * Catalog collections (`{{#catalogCollection "Name" as |items|}}`): collection name → its items (an array), or a
   * function that returns them (undefined for a collection it does not know). Iterable computes a collection with a
   * query mergetag cannot run; these are its result, as you expect Iterable to return it.
   */
  collections?: Readonly<Record<string, readonly unknown[]>> | ((name: string) => unknown);
  /** The project's HMAC secret for `hmacSHA1`/`hmacSHA256`. */
  hmacSecret?: string;
  /**
   * The most UTF-8 bytes a render may write (default 20 MB, `DEFAULT_MAX_OUTPUT_BYTES`). Past it the render stops
   * with an `output-limit` error and a skip; loops check as they grow, so a runaway loop stops at the cap.
   */
  maxOutputBytes?: number;
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

export class CompiledTemplate {
  readonly ast: Program;
  readonly source: SourceText;
  /** Compile-time diagnostics: syntax errors, unknown helpers, and warnings such as `mixed-else`. */
  readonly diagnostics: readonly Diagnostic[];
  private readonly renderProgram: RenderFn;
  #ok: boolean | undefined;

  constructor(text: string, options: EngineOptions) {
    const parsed = parse(text, options);
    const diagnostics = parsed.diagnostics;
    const compiler = new Compiler(options.helpers, parsed.source, diagnostics);
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
    // Compile-time diagnostics are final once the constructor returns: decided once, read on every render.
    return (this.#ok ??= !hasErrors(this.diagnostics));
  }

  /** Renders against ready-made roots: the user (`{{ }}`) root and the feed (`[[ ]]`) root. */
  renderRoots(userRoot: Value, feedRoot: Value, diagnostics: Diagnostic[] = [...this.diagnostics], services: RenderServices = {}): RenderResult {
    const maxOutputBytes = services.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    if (!(maxOutputBytes > 0)) throw new RangeError(`maxOutputBytes must be a positive number of bytes (or Infinity), got ${String(maxOutputBytes)}`);
    if (!this.ok) return this.notSendable(diagnostics);
    const run = new RenderRun(this.file, diagnostics, services, maxOutputBytes);
    const scope = { user: familyScope(userRoot), feed: familyScope(feedRoot) };
    try {
      const output = this.renderProgram(scope, run);
      if (!fitsInBytes(output, maxOutputBytes)) throw outputLimitSkip(maxOutputBytes);
      return { output, diagnostics };
    } catch (error) {
      const skip = this.skipFor(error, diagnostics);
      return { output: '', diagnostics, skip };
    }
  }

  /** The result of rendering a template with an error: nothing, and the first error as the skip message. */
  protected notSendable(diagnostics: Diagnostic[]): RenderResult {
    return { output: '', diagnostics, skip: { reason: 'HandlebarsExecutionError', message: firstError(this.diagnostics) } };
  }

  protected fileField(): { file?: string } {
    return this.file !== undefined ? { file: this.file } : {};
  }

  private skipFor(error: unknown, diagnostics: Diagnostic[]): Skip {
    if (error instanceof SendSkip) {
      const span = error.loc ?? this.source.span(0, 0);
      diagnostics.push(diagnostic(error.ruleId, 'error', error.message, span, this.fileField()));
      return { reason: error.reason, message: error.message };
    }
    if (error instanceof RangeError && isStringTooLong(error)) {
      // Only with a cap above what V8 can hold in one string (about 512 MB): the same stop as the cap.
      return this.skipFor(stringTooLongSkip(), diagnostics);
    }
    if (error instanceof RangeError) {
      const message = 'the template nests too deeply (a partial that includes itself?)';
      diagnostics.push(diagnostic('execution-error', 'error', message, this.source.span(0, 0), this.fileField()));
      return { reason: 'HandlebarsExecutionError', message };
    }
    throw error;
  }
}

/** V8's error for a string past its maximum length, as opposed to a stack overflow (deep nesting). */
function isStringTooLong(error: RangeError): boolean {
  return /invalid string length/i.test(error.message);
}

function firstError(diagnostics: readonly Diagnostic[]): string {
  const error = diagnostics.find((d) => d.severity === 'error');
  if (!error) return 'the template has errors';
  return `${error.file ?? '<template>'}:${error.start.line}:${error.start.column}: ${error.message}`;
}
